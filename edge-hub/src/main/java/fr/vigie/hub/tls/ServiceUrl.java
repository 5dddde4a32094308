package fr.vigie.hub.tls;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Which URLs of a national service the hub accepts in its settings. Stateless. */
public final class ServiceUrl {
    private ServiceUrl() {
    }

    /**
     * Whether {@code uri} is https, or plain http to a literal loopback address or {@code localhost}
     * (a sandbox on the same machine), with a host and no user info or fragment.
     */
    public static boolean httpsOrLoopback(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[[0-9a-f:.]+\\]")) {
            return false; // never resolve a name here: only literal addresses count
        }
        try {
            return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

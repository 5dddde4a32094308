package fr.vigie.hub.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who sends a request, as far as per-source limits are concerned: the peer address of the TCP
 * connection (never a header such as {@code X-Forwarded-For}, which the sender writes). An IPv4
 * address stands for itself; an IPv6 address for its /64 prefix, since one host usually holds a
 * whole /64 and could otherwise change address at every request. Stateless.
 *
 * <pre>{@code
 * String source = SourceAddress.of(ctx);   // "10.1.2.3", or "2001:db8:0:1::/64"
 * }</pre>
 */
public final class SourceAddress {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private SourceAddress() {
    }

    /** The source of the request being served. */
    public static String of(Context ctx) {
        return ofPeer(ctx.req().getRemoteAddr());
    }

    /**
     * The source of a peer address as the servlet container reports it ({@code 10.1.2.3},
     * {@code 0:0:0:0:0:0:0:1}, {@code [::1]}); text that is not an IP address is returned as it is.
     */
    public static String ofPeer(String remoteAddress) {
        String a = remoteAddress == null ? "" : remoteAddress.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (!IP_LITERAL.matcher(a).matches()) {
            return a.isEmpty() ? "unknown" : a;
        }
        byte[] raw;
        try {
            raw = InetAddress.getByName(a).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return a;
        }
        if (raw.length == 4) {
            return a.contains(":") ? (raw[0] & 0xFF) + "." + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF)
                    : a;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((raw[i] & 0xFF) << 8) | (raw[i + 1] & 0xFF))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}

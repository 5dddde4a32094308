package fr.vigie.hub.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 client on one kept-alive connection, written by hand so that a test can do what the
 * JDK's client will not: leave from a chosen local address (another "machine": 127.0.0.2, 127.0.0.3…
 * are all this host on Linux), and send any {@code Host} header. Plain or TLS (trusting what the given
 * context trusts, no host name check). Not thread-safe.
 *
 * <pre>{@code
 * try (RawHttp attacker = RawHttp.connect(hub.httpUri(), "127.0.0.2", null)) {
 *     RawHttp.Response r = attacker.send("POST", "/api/v1/session", "application/json", "{\"login\":");
 * }
 * }</pre>
 */
public final class RawHttp implements Closeable {
    private final URI base;
    private final InetAddress local;
    private final SSLContext tls;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** An answer. */
    public record Response(int status, Map<String, String> headers, String body) {
        /** A header by name, any case; null when absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp(URI base, InetAddress local, SSLContext tls) {
        this.base = base;
        this.local = local;
        this.tls = tls;
        this.host = base.getRawAuthority();
    }

    /**
     * Connects to {@code base} from {@code localAddress}; TLS with {@code tls} when not null. When the
     * server closes the connection after an answer, the next request opens a new one from the same address.
     */
    public static RawHttp connect(URI base, String localAddress, SSLContext tls) throws IOException {
        RawHttp http = new RawHttp(base, InetAddress.getByName(localAddress), tls);
        http.open();
        return http;
    }

    private void open() throws IOException {
        InetAddress remote = InetAddress.getByName(base.getHost());
        Socket s;
        if (tls == null) {
            s = new Socket();
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress(remote, base.getPort()), 5000);
        } else {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(remote, base.getPort(), local, 0);
            ssl.startHandshake();
            s = ssl;
        }
        s.setSoTimeout(15_000);
        s.setTcpNoDelay(true);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** Sends a request with the connection's own {@code Host}. */
    public Response send(String method, String path, String contentType, String body) throws IOException {
        return send(method, path, host, contentType, body, Map.of());
    }

    /** Sends a request with the connection's own {@code Host} and more headers. */
    public Response send(String method, String path, String contentType, String body, Map<String, String> headers)
            throws IOException {
        return send(method, path, host, contentType, body, headers);
    }

    /**
     * Sends a request.
     *
     * @param hostHeader the {@code Host} to send, or null to send none
     * @param contentType the {@code Content-Type}, or null to send none
     * @param body the body (UTF-8), or null for none
     */
    public Response send(String method, String path, String hostHeader, String contentType, String body,
            Map<String, String> headers) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (hostHeader != null) {
            head.append("Host: ").append(hostHeader).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(content);
        out.write(request.toByteArray()); // one write: no Nagle delay between head and body
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Response(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}

package fr.vigie.hub.preflight;

import fr.vigie.protocol.service.PreflightCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Whether a service answers where the settings point: the name resolves, a TCP connection opens, the TLS handshake
 * succeeds with the hub's own TLS context (its client certificate and the configured trust, the host name checked),
 * and the server answers an HTTP request on that connection (which is when a TLS 1.3 server refuses a client
 * certificate). Each failure is said plainly with {@code host:port}. Stateless.
 */
final class Reachability {
    private Reachability() {
    }

    /**
     * Probes {@code uri}.
     *
     * @param tls the hub's TLS context for this service; ignored for {@code http} and {@code tcp} URIs
     * @param trustKey the setting holding the trust anchors, for messages (e.g. {@code hub.insi.trust-anchors})
     * @param http whether to send an HTTP request once connected (false for a plain TCP peer such as MLLP)
     * @param clientCertificate whether {@code tls} presents a client certificate (a silent close then means the
     *        server refused it)
     */
    static PreflightCheck probe(String service, URI uri, SSLContext tls, String trustKey, Duration timeout,
            boolean http, boolean clientCertificate) {
        String host = uri.getHost();
        boolean secure = "https".equals(uri.getScheme()) || "tls".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        String where = host + ":" + port;
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
        } catch (UnknownHostException e) {
            close(plain);
            return PreflightCheck.fail(service, "reachability", "HOST_UNKNOWN", "le nom « " + host + " » ne se résout"
                    + " pas (DNS) : vérifiez l'adresse dans les réglages et le DNS de ce serveur");
        } catch (ConnectException e) {
            close(plain);
            return PreflightCheck.fail(service, "reachability", "CONNECT_REFUSED", where + " refuse la connexion"
                    + " (rien n'y écoute, ou un pare-feu la rejette) : " + e.getMessage());
        } catch (SocketTimeoutException e) {
            close(plain);
            return PreflightCheck.fail(service, "reachability", "CONNECT_TIMEOUT", "pas de réponse de " + where
                    + " en " + timeout.toSeconds() + " s : un pare-feu ou un proxy bloque sans doute la sortie vers"
                    + " ce port");
        } catch (NoRouteToHostException e) {
            close(plain);
            return PreflightCheck.fail(service, "reachability", "NO_ROUTE", "aucune route vers " + where
                    + " depuis ce serveur (réseau ou pare-feu)");
        } catch (IOException e) {
            close(plain);
            return PreflightCheck.fail(service, "reachability", "CONNECT_FAILED", "connexion à " + where
                    + " impossible : " + e);
        }
        if (!secure) {
            try (plain) {
                if (http) {
                    Optional<String> status = httpStatus(plain, uri);
                    return PreflightCheck.ok(service, "reachability", where + " joignable en http sans TLS"
                            + status.map(s -> ", répond « " + s + " »").orElse("")
                            + " (seulement pour un bac à sable sur cette machine)");
                }
                return PreflightCheck.ok(service, "reachability", where + " joignable (TCP, sans TLS)");
            } catch (IOException e) {
                return PreflightCheck.fail(service, "reachability", "NO_ANSWER", where + " accepte la connexion mais"
                        + " ne répond pas en HTTP : " + e.getMessage());
            }
        }
        boolean handshakeDone = false;
        // plain is closed with the TLS socket layered on it (autoClose), or here if layering fails
        try (plain; SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters p = socket.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(p);
            socket.startHandshake();
            handshakeDone = true;
            SSLSession session = socket.getSession();
            X509Certificate server = (X509Certificate) session.getPeerCertificates()[0];
            String tlsLine = where + " joignable, " + session.getProtocol() + ", certificat serveur « "
                    + server.getSubjectX500Principal().getName() + " » (émis par « "
                    + server.getIssuerX500Principal().getName() + " », valable jusqu'au "
                    + server.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() + ")";
            if (!http) {
                return PreflightCheck.ok(service, "reachability", tlsLine);
            }
            Optional<String> status = httpStatus(socket, uri);
            if (status.isEmpty()) {
                return closedAfterHandshake(service, where, clientCertificate, "fin de connexion");
            }
            return PreflightCheck.ok(service, "reachability", tlsLine + ", répond « " + status.get() + " »");
        } catch (SSLHandshakeException e) {
            return handshakeFailure(service, where, host, port, trustKey, e, timeout);
        } catch (SSLException e) {
            Optional<PreflightCheck> refused = clientRefused(service, where, e);
            if (refused.isPresent()) {
                return refused.get();
            }
            return handshakeDone ? closedAfterHandshake(service, where, clientCertificate, describe(e))
                    : PreflightCheck.fail(service, "reachability", "TLS_FAILED", "TLS avec " + where + " interrompu : "
                            + describe(e));
        } catch (IOException e) {
            // TLS 1.3: the client's side of the handshake may end before the server has read our certificate; a
            // server refusing it then cuts the connection while we are still writing (reset, broken pipe)
            boolean cutAfterOurCertificate = clientCertificate && e instanceof java.net.SocketException;
            return handshakeDone || cutAfterOurCertificate
                    ? closedAfterHandshake(service, where, clientCertificate, e.toString())
                    : PreflightCheck.fail(service, "reachability", "TLS_FAILED", "poignée de main TLS avec " + where
                            + " coupée : " + e);
        }
    }

    /**
     * The server ended the connection right after the handshake instead of answering: with a client certificate,
     * a TLS 1.3 server that refuses it does exactly that (with an alert, a reset or a plain close, as it happens).
     */
    private static PreflightCheck closedAfterHandshake(String service, String where, boolean clientCertificate,
            String what) {
        if (clientCertificate) {
            return PreflightCheck.fail(service, "reachability", "TLS_CLIENT_REFUSED", where + " a coupé la connexion"
                    + " juste après la poignée de main TLS, sans répondre (" + what + ") : il refuse très probablement"
                    + " le certificat client du hub (expiré, d'une autre IGC, ou pas enregistré chez lui)");
        }
        return PreflightCheck.fail(service, "reachability", "NO_ANSWER", where + " a coupé la connexion juste après la"
                + " poignée de main TLS, sans répondre (" + what + ")");
    }

    private static PreflightCheck handshakeFailure(String service, String where, String host, int port,
            String trustKey, SSLHandshakeException e, Duration timeout) {
        Optional<PreflightCheck> refused = clientRefused(service, where, e);
        if (refused.isPresent()) {
            return refused.get();
        }
        String presented = presentedBy(host, port, timeout).map(c -> " (le serveur présente « "
                + c.getSubjectX500Principal().getName() + " », émis par « " + c.getIssuerX500Principal().getName()
                + " »)").orElse("");
        if (causedBy(e, CertificateExpiredException.class) || causedBy(e, CertificateNotYetValidException.class)) {
            return PreflightCheck.fail(service, "reachability", "TLS_SERVER_CERT_EXPIRED", "le certificat de " + where
                    + " n'est pas (ou plus) valable" + presented + " : vérifiez l'horloge de ce serveur, sinon le service"
                    + " doit renouveler son certificat");
        }
        String text = describe(e).toLowerCase(Locale.ROOT);
        if (text.contains("subject alternative") || text.contains("no name matching") || text.contains("hostname")) {
            return PreflightCheck.fail(service, "reachability", "TLS_NAME_MISMATCH", "le certificat de " + where
                    + " ne porte pas le nom « " + host + " »" + presented + " : utilisez dans les réglages le nom exact"
                    + " du service (pas une adresse IP ni un alias)");
        }
        if (text.contains("pkix") || text.contains("certification path") || text.contains("trust anchor")
                || text.contains("not trusted")) {
            return PreflightCheck.fail(service, "reachability", "TLS_SERVER_UNTRUSTED", "le certificat de " + where
                    + presented + " ne remonte à aucune autorité de " + trustKey + " : ajoutez-y (fichier PEM) l'autorité"
                    + " qui a émis le certificat de ce serveur");
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol")) {
            return PreflightCheck.fail(service, "reachability", "TLS_VERSION", where + " ne parle pas une version de TLS"
                    + " commune avec le hub (TLS 1.2 ou 1.3) : " + describe(e));
        }
        return PreflightCheck.fail(service, "reachability", "TLS_FAILED", "poignée de main TLS avec " + where
                + " refusée" + presented + " : " + describe(e));
    }

    /** A TLS alert by which the server says it does not take our client certificate. */
    private static Optional<PreflightCheck> clientRefused(String service, String where, SSLException e) {
        String text = describe(e).toLowerCase(Locale.ROOT);
        for (String alert : new String[] {"bad_certificate", "certificate_required", "unknown_ca", "certificate_unknown",
                "access_denied", "certificate_expired", "certificate_revoked", "unsupported_certificate"}) {
            if (text.contains("received fatal alert: " + alert)) {
                return Optional.of(PreflightCheck.fail(service, "reachability", "TLS_CLIENT_REFUSED", where
                        + " refuse le certificat client du hub (alerte TLS " + alert + ") : le service ne reconnaît pas"
                        + " ce certificat (expiré, autre IGC, ou pas enregistré chez lui)"));
            }
        }
        return Optional.empty();
    }

    /** What the server presents, read without trusting it: for the message only, never to decide. */
    private static Optional<X509Certificate> presentedBy(String host, int port, Duration timeout) {
        try {
            SSLContext any = SSLContext.getInstance("TLS");
            any.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                try (SSLSocket s = (SSLSocket) any.getSocketFactory().createSocket(plain, host, port, true)) {
                    s.startHandshake();
                    return Optional.of((X509Certificate) s.getSession().getPeerCertificates()[0]);
                }
            }
        } catch (Exception e) {
            return Optional.empty(); // a server that wants a client certificate may say nothing more
        }
    }

    /** Sends a HEAD request for the URI's path and reads the status line; empty when the server says nothing. */
    private static Optional<String> httpStatus(Socket socket, URI uri) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        OutputStream out = socket.getOutputStream();
        out.write(("HEAD " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort()
                : "") + "\r\nUser-Agent: vigie-hub-check\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String line = in.readLine();
        return Optional.ofNullable(line).map(String::strip).filter(l -> l.startsWith("HTTP/"));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && b.indexOf(t.getMessage()) < 0) {
                b.append(b.length() == 0 ? "" : " ; ").append(t.getMessage());
            }
        }
        return b.length() == 0 ? e.toString() : b.toString();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to say
        }
    }
}

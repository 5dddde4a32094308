package fr.vigie.hub.sandbox.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import fr.vigie.hub.insi.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The sandbox INSi service: the same SOAP 1.2 contract as the CNAM's, over HTTPS that requires a
 * client certificate chaining to the CA the server's {@link SSLContext} trusts, and whose CN is
 * {@code INSI-AUTO} or {@code INSI-MANU}. Requests are read with the gateway's {@link SafeXml} and
 * answered from {@link SandboxIdentities}; malformed requests get SOAP faults
 * ({@code siram_10}/{@code insi_NNN}), a wrong CN gets {@code siram_40}. Tests may switch its
 * {@link SimulatorBehaviour} to slow, failing or hostile answers. Thread-safe.
 *
 * <p>Built on the JDK's {@link HttpsServer} rather than Javalin/Jetty: client authentication is
 * required in the TLS handshake itself ({@code needClientAuth}), each exchange exposes its
 * {@code SSLSession} for the CN check, and the simulator needs no dependency beyond the JDK.
 *
 * <pre>{@code
 * SandboxPki pki = SandboxPki.create("TEST", clock);
 * try (InsiSimulator sim = InsiSimulator.start(InsiSimulator.Settings.loopback(),
 *         SandboxPki.context(pki.server(), List.of(pki.root())), SandboxIdentities.builtIn())) {
 *     URI endpoint = sim.endpoint();
 * }
 * }</pre>
 */
public final class InsiSimulator implements AutoCloseable {

    /**
     * The simulator's settings.
     *
     * @param bind address and port (0 for any free port)
     * @param path the service path, e.g. {@code /insi/ICIR-v1}
     * @param allowedCommonNames client certificate CNs accepted
     * @param slowDelay how long {@link SimulatorBehaviour#SLOW} waits
     * @param maxRequestBytes larger requests are refused unread
     */
    public record Settings(InetSocketAddress bind, String path, Set<String> allowedCommonNames, Duration slowDelay,
            int maxRequestBytes) {
        public Settings {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("insi-sandbox.path must start with /, got '" + path + "'");
            }
            allowedCommonNames = Set.copyOf(allowedCommonNames);
        }

        /** Loopback, a free port, {@code /insi/ICIR-v1}, CNs INSI-AUTO and INSI-MANU, 2 s slow delay, 64 KiB. */
        public static Settings loopback() {
            return new Settings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/insi/ICIR-v1",
                    Set.of("INSI-AUTO", "INSI-MANU"), Duration.ofSeconds(2), 64 * 1024);
        }

        public Settings withSlowDelay(Duration value) {
            return new Settings(bind, path, allowedCommonNames, value, maxRequestBytes);
        }
    }

    static {
        // The JDK server writes response headers and body in separate segments; without TCP_NODELAY
        // the client's delayed ACK adds ~40 ms to every call. Read once by the JDK, so set early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String LETTERS = "[A-Z]+(?:(?:-{1,2}|[' ])[A-Z]+)*";
    private static final String PRENOMS = "[A-Z]+(?:[-' ][A-Z]+)*";
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private final Settings settings;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final SandboxIdentities identities;
    private final SafeXml xml;
    private final SimulatorReplies replies = new SimulatorReplies();
    private final AtomicReference<SimulatorBehaviour> behaviour = new AtomicReference<>(SimulatorBehaviour.NORMAL);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long lastHandlingNanos;

    private InsiSimulator(Settings settings, SSLContext tls, SandboxIdentities identities) throws IOException {
        this.settings = settings;
        this.identities = identities;
        this.xml = new SafeXml(settings.maxRequestBytes());
        this.server = HttpsServer.create(settings.bind(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "insi-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(settings.path(), this::handle);
    }

    /** Starts a simulator whose {@code tls} holds its server certificate and trusts the establishments' CA. */
    public static InsiSimulator start(Settings settings, SSLContext tls, SandboxIdentities identities)
            throws IOException {
        InsiSimulator sim = new InsiSimulator(settings, tls, identities);
        sim.server.start();
        return sim;
    }

    /** The service URL, e.g. {@code https://127.0.0.1:40123/insi/ICIR-v1}. */
    public URI endpoint() {
        InetSocketAddress a = server.getAddress();
        return URI.create("https://" + a.getAddress().getHostAddress() + ":" + a.getPort() + settings.path());
    }

    /** From now on, answer this way. */
    public void behave(SimulatorBehaviour value) {
        behaviour.set(value);
    }

    /** HTTP requests received so far, refused ones included. */
    public int requestsReceived() {
        return requests.get();
    }

    /**
     * How long the handler took for the latest request, from reading it to writing the answer: what
     * a benchmark subtracts to find the client's own overhead.
     */
    public long lastHandlingNanos() {
        return lastHandlingNanos;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        requests.incrementAndGet();
        try {
            serve(exchange);
        } finally {
            lastHandlingNanos = System.nanoTime() - start;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String cn = clientCommonName(exchange);
            if (cn == null || !settings.allowedCommonNames().contains(cn)) {
                drain(exchange.getRequestBody());
                send(exchange, 403, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_40", "insi_401",
                        "the establishment certificate CN must be one of " + settings.allowedCommonNames()));
                return;
            }
            SimulatorBehaviour now = behaviour.get();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = xml.readCapped(in);
            } catch (SafeXml.Rejected e) {
                send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", "insi_003",
                        "the request is larger than " + settings.maxRequestBytes() + " bytes"));
                return;
            }
            if (hostile(exchange, now)) {
                return;
            }
            answer(exchange, body, now);
        }
    }

    private boolean hostile(HttpExchange exchange, SimulatorBehaviour now) throws IOException {
        switch (now) {
            case HTTP_500 -> send(exchange, 500, "text/html", "<html><body>Internal error</body></html>".getBytes(StandardCharsets.US_ASCII));
            case OVERSIZED_BODY -> send(exchange, 200, InsiNamespaces.MEDIA_TYPE, replies.oversized(2 * 1024 * 1024));
            case XXE_BODY -> send(exchange, 200, InsiNamespaces.MEDIA_TYPE, SimulatorReplies.xxe());
            case ENTITY_EXPANSION_BODY -> send(exchange, 200, InsiNamespaces.MEDIA_TYPE, SimulatorReplies.entityExpansion());
            case NOT_XML_BODY -> send(exchange, 200, InsiNamespaces.MEDIA_TYPE, "not xml {".getBytes(StandardCharsets.US_ASCII));
            case SCHEMA_VIOLATION -> send(exchange, 200, InsiNamespaces.MEDIA_TYPE, replies.schemaViolation("uuid:x"));
            case DRIP_BODY -> drip(exchange, replies.resultat(InsiOperation.RECHERCHER_AVEC_TRAITS, "uuid:drip", List.of()));
            case SLOW -> {
                try {
                    Thread.sleep(settings.slowDelay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void answer(HttpExchange exchange, byte[] body, SimulatorBehaviour now) throws IOException {
        SoapRequest request;
        List<SandboxIdentities.Identity> matches;
        try {
            request = SoapRequest.read(xml.parse(body));
            matches = lookUp(request);
        } catch (SafeXml.Rejected e) {
            String detail = e.reason() == SafeXml.Reason.FORBIDDEN ? "insi_004" : "insi_001";
            send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", detail, e.getMessage()));
            return;
        } catch (SoapRequest.Invalid e) {
            send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", e.detail, e.getMessage()));
            return;
        }
        send(exchange, 200, InsiNamespaces.MEDIA_TYPE, replies.resultat(request.operation(), request.messageId(), matches));
    }

    private List<SandboxIdentities.Identity> lookUp(SoapRequest r) throws SoapRequest.Invalid {
        if (r.operation() == InsiOperation.RECHERCHER_AVEC_TRAITS) {
            return identities.byTraits(r.required("NomNaissance", LETTERS), r.required("Prenom", PRENOMS),
                    r.required("Sexe", "[FM]"), r.required("DateNaissance", DATE), r.optional("LieuNaissance", "[A-Z0-9]{5}"));
        }
        r.required("MatriculeOD", "[0-9]{6}[0-9AB][0-9]{8}");
        r.required("RangNaissance", "[1-9]");
        return identities.byVitale(r.required("MatriculeIndividu", "[0-9]{6}[0-9AB][0-9]{8}"),
                r.required("NomNaissance", LETTERS), r.required("DateNaissance", DATE));
    }

    private void drip(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", InsiNamespaces.MEDIA_TYPE + ";charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        long pause = Math.max(1, settings.slowDelay().toMillis() / 10);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i += Math.max(1, body.length / 10)) {
                out.write(body, i, Math.min(Math.max(1, body.length / 10), body.length - i));
                out.flush();
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String clientCommonName(HttpExchange exchange) {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            X509Certificate leaf = (X509Certificate) chain[0];
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (SSLPeerUnverifiedException | InvalidNameException | ClassCastException e) {
            return null;
        }
    }

    private static void drain(InputStream in) throws IOException {
        try (in) {
            in.skip(Long.MAX_VALUE);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + (type.contains("xml") ? ";charset=UTF-8" : ""));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

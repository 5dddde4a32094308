package fr.vigie.hub.sandbox.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import fr.vigie.hub.insi.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox INSi service: the same SOAP 1.2 contract as the CNAM's, over HTTPS that requires a
 * client certificate chaining to the CA the server's {@link SSLContext} trusts, and whose CN is
 * {@code INSI-AUTO} or {@code INSI-MANU}. Requests are read with the gateway's {@link SafeXml} and
 * answered from {@link SandboxIdentities} in the published answer shapes ({@link SimulatorReplies});
 * malformed requests get SOAP faults ({@code siram_10} with the simulator's own detail codes), a
 * certificate with another CN gets {@code desir_560}. Tests may queue faults INSi really answers
 * ({@link #faultNext}: {@code siram_40}/{@code insi_102}, {@code desir_550}, {@code desir_560}), switch
 * its {@link SimulatorBehaviour} to slow, failing or hostile answers, and read what every request
 * asked in its call log ({@link #calls()}). {@code GET <endpoint>?wsdl} answers a minimal WSDL of the two
 * operations ({@link SimulatorWsdl}), what {@code ./vigie hub check} looks for. Thread-safe.
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
    private static final Logger LOG = LoggerFactory.getLogger(InsiSimulator.class);

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
            int maxRequestBytes, List<String> tlsProtocols) {
        public Settings {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("insi-sandbox.path must start with /, got '" + path + "'");
            }
            allowedCommonNames = Set.copyOf(allowedCommonNames);
            tlsProtocols = List.copyOf(tlsProtocols);
            if (tlsProtocols.isEmpty() || !Set.of("TLSv1.2", "TLSv1.3").containsAll(tlsProtocols)) {
                throw new IllegalArgumentException("insi-sandbox.tls-protocols must be TLSv1.2 and/or TLSv1.3, got "
                        + tlsProtocols);
            }
        }

        /**
         * Loopback, a free port, {@code /insi/ICIR-v1}, CNs INSI-AUTO and INSI-MANU, 2 s slow delay,
         * 64 KiB requests, TLS 1.3 and 1.2.
         */
        public static Settings loopback() {
            return new Settings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/insi/ICIR-v1",
                    Set.of("INSI-AUTO", "INSI-MANU"), Duration.ofSeconds(2), 64 * 1024, List.of("TLSv1.3", "TLSv1.2"));
        }

        public Settings withSlowDelay(Duration value) {
            return new Settings(bind, path, allowedCommonNames, value, maxRequestBytes, tlsProtocols);
        }

        /**
         * Only these TLS versions. Under TLS 1.2 a refused client certificate fails the handshake
         * itself; under TLS 1.3 the client learns it only when it reads the answer.
         */
        public Settings withTlsProtocols(String... value) {
            return new Settings(bind, path, allowedCommonNames, slowDelay, maxRequestBytes, List.of(value));
        }
    }

    static {
        // The JDK server writes response headers and body in separate segments; without TCP_NODELAY
        // the client's delayed ACK adds ~40 ms to every call. Read once by the JDK, so set early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How many requests the call log keeps. */
    public static final int CALL_LOG_SIZE = 1000;
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
    private final Deque<SimulatorCall> calls = new ArrayDeque<>();
    private SimulatedFault pendingFault;
    private int faultsLeft;
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
                p.setProtocols(settings.tlsProtocols().toArray(new String[0]));
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

    /** The test identities this simulator answers with (the sandbox page lists them). */
    public SandboxIdentities identities() {
        return identities;
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

    /** From now on, answer this way; faults still queued by {@link #faultNext} are dropped. */
    public void behave(SimulatorBehaviour value) {
        behaviour.set(value);
        synchronized (this) {
            faultsLeft = 0;
            pendingFault = null;
        }
    }

    /**
     * Answer the next {@code times} requests (from an accepted certificate) with {@code fault}, then as
     * before: {@code faultNext(SERVICE_UNAVAILABLE, 1)} is a transient outage a retry gets past.
     */
    public synchronized void faultNext(SimulatedFault fault, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        pendingFault = Objects.requireNonNull(fault, "fault");
        faultsLeft = times;
    }

    /**
     * The latest requests received (at most {@value #CALL_LOG_SIZE}), oldest first: what each asked and
     * what was answered. For tests; kept in memory only.
     */
    public List<SimulatorCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
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
        } catch (RuntimeException e) {
            LOG.error("the INSi simulator failed to answer", e); // the JDK server would hide it
            throw e;
        } finally {
            lastHandlingNanos = System.nanoTime() - start;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && "wsdl".equalsIgnoreCase(exchange.getRequestURI().getRawQuery())) {
                Exchanges.send(exchange, 200, "text/xml; charset=utf-8", SimulatorWsdl.document(endpoint()));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                Exchanges.send(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String cn = Exchanges.clientCommonName(exchange);
            if (cn == null || !settings.allowedCommonNames().contains(cn)) {
                Exchanges.drain(exchange.getRequestBody());
                log(cn, null, SimulatedFault.ACCESS_LEVEL_INSUFFICIENT.codes());
                sendFault(exchange, SimulatedFault.ACCESS_LEVEL_INSUFFICIENT);
                return;
            }
            SimulatorBehaviour now = behaviour.get();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = xml.readCapped(in);
            } catch (SafeXml.Rejected e) {
                log(cn, null, "siram_10/insi_003");
                Exchanges.send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", "insi_003",
                        "the request is larger than " + settings.maxRequestBytes() + " bytes"));
                return;
            }
            SoapRequest request = null;
            String invalid = null;
            String invalidReason = null;
            try {
                request = SoapRequest.read(xml.parse(body));
            } catch (SafeXml.Rejected e) {
                invalid = e.reason() == SafeXml.Reason.FORBIDDEN ? "insi_004" : "insi_001";
                invalidReason = e.getMessage();
            } catch (SoapRequest.Invalid e) {
                invalid = e.detail;
                invalidReason = e.getMessage();
            }
            SimulatedFault fault = takeFault();
            if (fault != null) {
                log(cn, request, fault.codes());
                sendFault(exchange, fault);
                return;
            }
            if (now.replacesTheAnswer()) {
                log(cn, request, now.name());
            }
            if (SimulatedFailures.play(exchange, now, settings.slowDelay(), replies)) {
                return;
            }
            if (invalid != null) {
                log(cn, request, "siram_10/" + invalid);
                Exchanges.send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", invalid,
                        invalidReason));
                return;
            }
            answer(exchange, cn, request);
        }
    }

    private void answer(HttpExchange exchange, String cn, SoapRequest request) throws IOException {
        List<SandboxIdentities.Identity> matches;
        try {
            matches = lookUp(request);
        } catch (SoapRequest.Invalid e) {
            log(cn, request, "siram_10/" + e.detail);
            Exchanges.send(exchange, 400, InsiNamespaces.MEDIA_TYPE, replies.fault("Sender", "siram_10", e.detail,
                    e.getMessage()));
            return;
        }
        byte[] answer = replies.resultat(request.operation(), request.messageId(), matches);
        log(cn, request, matches.isEmpty() ? "01" : matches.size() == 1 ? "00" : "02");
        Exchanges.send(exchange, 200, InsiNamespaces.MEDIA_TYPE, answer);
    }

    private void sendFault(HttpExchange exchange, SimulatedFault fault) throws IOException {
        Exchanges.send(exchange, fault.httpStatus(), InsiNamespaces.MEDIA_TYPE, replies.fault(fault));
    }

    private synchronized SimulatedFault takeFault() {
        if (faultsLeft <= 0) {
            return null;
        }
        faultsLeft--;
        return pendingFault;
    }

    /** Logged before the answer is sent, so that a client's next request is always logged after it. */
    private void log(String cn, SoapRequest request, String answered) {
        SimulatorCall call = new SimulatorCall(Instant.now(), cn, request == null ? null : request.operation(),
                request == null ? Map.of() : request.fields(), answered);
        synchronized (calls) {
            if (calls.size() == CALL_LOG_SIZE) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

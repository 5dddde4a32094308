package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The sandbox Pro Santé Connect: an OpenID Connect provider on PSC's paths under a configurable
 * base ({@code {base}/auth/realms/esante-wallet/…}), serving discovery at
 * {@code .well-known/wallet-openid-configuration}, JWKS (rotatable), CIBA ({@code ext/ciba/auth}
 * and the CIBA grant), authorization code with PKCE S256, refresh, userinfo (JSON or signed JWT),
 * introspection and logout, plus the "e-CPS phone" page at {@code {base}/ecps}. Thread-safe.
 *
 * <pre>{@code
 * try (PscSimulator psc = PscSimulator.start("127.0.0.1", 0, PscSimulator.Options.defaults(),
 *         SandboxProfessionals.bundled(), Clock.systemUTC(), new SecureRandom())) {
 *     URI issuer = psc.issuer();   // give it to the gateway's configuration
 * }
 * }</pre>
 */
public final class PscSimulator implements AutoCloseable {
    /** The realm path under the base, as at PSC. */
    public static final String REALM_PATH = "/auth/realms/esante-wallet";
    /** Where the sandbox's server mounts the simulator. */
    public static final String DEFAULT_BASE = "/sandbox/psc";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The simulator's settings.
     *
     * @param clientId the one client it knows
     * @param clientSecret that client's secret (Basic authentication)
     * @param cibaExpiresIn lifetime of a CIBA request (120 s)
     * @param cibaInterval least time between polls (1 s)
     */
    public record Options(String clientId, String clientSecret, Duration cibaExpiresIn, Duration cibaInterval) {
        public Options {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (cibaExpiresIn.isNegative() || cibaExpiresIn.isZero() || cibaInterval.isNegative()) {
                throw new IllegalArgumentException("cibaExpiresIn must be positive and cibaInterval not negative");
            }
        }

        /** Client {@code vigie-sandbox} with secret {@code sandbox-secret}, 120 s requests, 1 s interval. */
        public static Options defaults() {
            return new Options("vigie-sandbox", "sandbox-secret", Duration.ofSeconds(120), Duration.ofSeconds(1));
        }
    }

    final Options options;
    final SandboxProfessionals professionals;
    final Clock clock;
    final SecureRandom random;
    final SigningKeys keys = new SigningKeys();
    final CibaLedger ledger;
    final TokenBook tokens;
    final PhonePage phone;
    final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile boolean userinfoAsJwt;
    private volatile boolean autoApprove;
    private volatile Supplier<String> origin = () -> "http://127.0.0.1";
    private volatile String base = DEFAULT_BASE;
    private Javalin ownServer;
    private volatile X500Principal mtlsClient;

    public PscSimulator(Options options, SandboxProfessionals professionals, Clock clock, SecureRandom random) {
        this.options = options;
        this.professionals = professionals;
        this.clock = clock;
        this.random = random;
        this.ledger = new CibaLedger(clock, random, options.cibaExpiresIn(), options.cibaInterval());
        this.tokens = new TokenBook(clock, random, keys);
        this.phone = new PhonePage(clock, random);
    }

    /** Starts a simulator on its own Javalin server at {@code bind}:{@code port} (0 for any), base {@code /sandbox/psc}. */
    public static PscSimulator start(String bind, int port, Options options, SandboxProfessionals professionals,
            Clock clock, SecureRandom random) {
        PscSimulator sim = new PscSimulator(options, professionals, clock, random);
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        sim.mount(app, DEFAULT_BASE, () -> "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + app.port());
        app.start(bind, port);
        sim.ownServer = app;
        return sim;
    }

    /**
     * Starts a simulator on its own HTTPS server with mutual TLS: the TLS context's trust store decides
     * which client certificates are accepted, and a client authenticates without a secret by
     * presenting a certificate whose subject is {@code clientSubject} and sending its
     * {@code client_id} ({@code tls_client_auth}, as in PSC's trusted space). Basic authentication is
     * still accepted.
     */
    public static PscSimulator startMutualTls(String bind, int port, Options options,
            SandboxProfessionals professionals, Clock clock, SecureRandom random, SSLContext serverTls,
            X500Principal clientSubject) {
        PscSimulator sim = new PscSimulator(options, professionals, clock, random);
        sim.mtlsClient = clientSubject;
        ServerConnector[] tls = new ServerConnector[1];
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.jetty.addConnector((server, http) -> {
                SslContextFactory.Server factory = new SslContextFactory.Server();
                factory.setSslContext(serverTls);
                factory.setNeedClientAuth(true);
                HttpConfiguration https = new HttpConfiguration(http);
                https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
                tls[0] = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"),
                        new HttpConnectionFactory(https));
                tls[0].setHost(bind);
                tls[0].setPort(port);
                return tls[0];
            });
        });
        sim.mount(app, DEFAULT_BASE, () -> "https://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":"
                + tls[0].getLocalPort());
        app.start(bind, 0);
        sim.ownServer = app;
        return sim;
    }

    /** The subject a mutual-TLS client certificate must have, when mutual TLS is on. */
    X500Principal mtlsClient() {
        return mtlsClient;
    }

    /**
     * Adds the simulator's routes to {@code app} under {@code basePath}; {@code origin} gives the
     * scheme, host and port the gateway reaches {@code app} at (read when a URL is built).
     */
    public void mount(Javalin app, String basePath, Supplier<String> origin) {
        this.base = basePath;
        this.origin = origin;
        new SimulatorRoutes(this).register(app, basePath + REALM_PATH, basePath + "/ecps");
    }

    /** The issuer, e.g. {@code http://127.0.0.1:7070/sandbox/psc/auth/realms/esante-wallet}. */
    public URI issuer() {
        return URI.create(origin.get() + base + REALM_PATH);
    }

    /** The e-CPS phone page. */
    public URI phonePage() {
        return URI.create(origin.get() + base + "/ecps");
    }

    /** How many times the JWKS ({@code …/certs}) was fetched: what a client's key cache saves. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Makes a new signing key; the previous one stays published. */
    public void rotateKeys() {
        keys.rotate();
    }

    /** The id of the key new tokens are signed with. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /**
     * Whether userinfo answers as a signed {@code application/jwt} rather than JSON; a request that
     * accepts {@code application/jwt} gets a JWT either way.
     */
    public void userinfoAsJwt(boolean jwt) {
        this.userinfoAsJwt = jwt;
    }

    boolean userinfoAsJwt() {
        return userinfoAsJwt;
    }

    /** Whether CIBA requests are approved as soon as they arrive (benchmarks, demos). */
    public void autoApprove(boolean on) {
        this.autoApprove = on;
    }

    boolean autoApprove() {
        return autoApprove;
    }

    /** The requests awaiting a decision on the phone. */
    public List<CibaLedger.Pending> pendingRequests() {
        return ledger.pending();
    }

    /** The one client it knows. */
    public String clientId() {
        return options.clientId();
    }

    /** That client's secret, for Basic authentication (the bac à sable's way). */
    public String clientSecret() {
        return options.clientSecret();
    }

    public SandboxProfessionals professionals() {
        return professionals;
    }

    ObjectNode discovery() {
        String iss = issuer().toString();
        String oidc = iss + "/protocol/openid-connect";
        ObjectNode d = JSON.createObjectNode();
        d.put("issuer", iss);
        d.put("authorization_endpoint", oidc + "/auth");
        d.put("token_endpoint", oidc + "/token");
        d.put("introspection_endpoint", oidc + "/token/introspect");
        d.put("userinfo_endpoint", oidc + "/userinfo");
        d.put("end_session_endpoint", oidc + "/logout");
        d.put("jwks_uri", oidc + "/certs");
        d.put("backchannel_authentication_endpoint", oidc + "/ext/ciba/auth");
        array(d, "backchannel_token_delivery_modes_supported", "poll");
        d.put("backchannel_user_code_parameter_supported", false);
        array(d, "grant_types_supported", "authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba");
        array(d, "response_types_supported", "code");
        array(d, "code_challenge_methods_supported", "S256");
        array(d, "acr_values_supported", "eidas1");
        array(d, "scopes_supported", "openid", "scope_all");
        array(d, "id_token_signing_alg_values_supported", "RS256");
        array(d, "userinfo_signing_alg_values_supported", "RS256");
        array(d, "token_endpoint_auth_methods_supported", "client_secret_basic", "tls_client_auth");
        array(d, "claims_supported", "sub", "SubjectNameID", "acr", "authMode", "sid", "given_name", "family_name",
                "SubjectRefPro", "SubjectOrganization", "SubjectRole");
        return d;
    }

    private static void array(ObjectNode d, String name, String... values) {
        ArrayNode a = d.putArray(name);
        for (String v : values) {
            a.add(v);
        }
    }

    /** Stops the simulator's own server, if it has one. */
    @Override
    public void close() {
        if (ownServer != null) {
            ownServer.stop();
        }
    }
}

package fr.vigie.hub.psc;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.broker.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak, started from the distribution Maven unpacked into {@code target/}, in dev mode
 * with an in-memory H2 database, the realm {@value #REALM} imported from a test resource, and CIBA's
 * HTTP authentication channel pointed at a URI the test serves. It may listen over HTTPS too ({@link Https}: a
 * server certificate from a test CA, client certificates requested and checked against a trust store, for clients
 * that authenticate with {@code tls_client_auth}). Its output goes to a log file kept
 * for diagnosis. A bootstrap administrator with a password drawn per start lets a test change the
 * realm (key rotation). One per test class, and one at a time per distribution across the build's test JVMs (a
 * file lock in its {@code data/}: a second start waits); {@link #close()} ends the whole process tree. Public for the
 * other packages' interop tests ({@code fr.vigie.hub.sso.KeycloakBrokerIT}), which start it with a realm
 * and options of their own ({@link #start(Path, Path, String, String, List, Path)}).
 */
public final class KeycloakServer implements AutoCloseable {
    static final String REALM = "vigie";
    /** Keycloak 26 runs on Java 21 or later; the build itself stays on 17. */
    public static final int LEAST_JAVA = 21;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private static final String ADMIN = "interop-admin";
    private final Process process;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Keycloak's HTTPS listener: its certificate chain and key (PEM), and the PKCS#12 trust store of the
     * CAs whose client certificates it accepts ({@code --https-client-auth=request}: a client without a
     * certificate still connects, one with an untrusted certificate does not).
     */
    record Https(Path certificate, Path key, Path trustStore, String trustStorePassword) {
    }

    /** Held while this Keycloak lives: one Keycloak at a time per distribution, across test JVMs. */
    private final FileChannel lock;
    private final String realm;
    private final URI httpsIssuer;
    private final URI issuer;
    private final Path log;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Ends Keycloak should the test JVM exit without {@link #close()} (a killed or crashed run). */
    private final Thread reaper = new Thread(this::stopProcessTree, "keycloak-reaper");

    private KeycloakServer(Process process, FileChannel lock, String realm, URI issuer, URI httpsIssuer, Path log,
            String adminPassword) {
        this.httpsIssuer = httpsIssuer;
        this.process = process;
        this.lock = lock;
        this.realm = realm;
        this.issuer = issuer;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /**
     * The newest JDK of at least {@link #LEAST_JAVA}: the one named by {@code vigie.keycloak.java}
     * or {@code KEYCLOAK_JAVA_HOME}, else this JVM if recent enough, else the newest under /usr/lib/jvm.
     */
    public static Optional<Path> javaHome() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("vigie.keycloak.java")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        if (!candidates.isEmpty()) {
            return candidates.stream().filter(h -> major(h) >= LEAST_JAVA).findFirst();
        }
        if (Runtime.version().feature() >= LEAST_JAVA) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(h -> major(h) >= LEAST_JAVA).max(Comparator.comparingInt(KeycloakServer::major));
        }
    }

    /** The Java feature version of a JDK home, read from its {@code release} file; 0 if none. */
    static int major(Path home) {
        Path release = home.resolve("release");
        try {
            if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
                return 0;
            }
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Starts Keycloak and returns once the realm's discovery document is served. */
    /**
     * Starts Keycloak with the interop realm, its CIBA authentication channel pointed at {@code authenticationChannel},
     * listening over HTTP and over HTTPS ({@code https}).
     */
    static KeycloakServer start(Path home, Path javaHome, String realmResource, URI authenticationChannel, Https https,
            Path log) throws IOException {
        int httpsPort = FreePort.onLoopback();
        return start(home, javaHome, REALM, realmResource, List.of("--https-port=" + httpsPort,
                "--https-certificate-file=" + https.certificate(), "--https-certificate-key-file=" + https.key(),
                "--https-client-auth=request", "--https-trust-store-file=" + https.trustStore(),
                "--https-trust-store-password=" + https.trustStorePassword(),
                "--spi-ciba-auth-channel--ciba-http-auth-channel--http-authentication-channel-uri="
                        + authenticationChannel), httpsPort, log);
    }

    /**
     * Starts Keycloak with the realm {@code realm} imported from the test resource {@code realmResource} and
     * extra command-line {@code options} (e.g. {@code --truststore-paths=}); returns once the realm's discovery
     * document is served.
     */
    public static KeycloakServer start(Path home, Path javaHome, String realm, String realmResource,
            List<String> options, Path log) throws IOException {
        return start(home, javaHome, realm, realmResource, options, 0, log);
    }

    private static KeycloakServer start(Path home, Path javaHome, String realm, String realmResource,
            List<String> options, int httpsPort, Path log) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        // Failsafe runs test classes in two JVMs: a second Keycloak on the same distribution would re-augment it,
        // swap the realm to import and rewrite data/ (trust store, transaction logs) under the first. It waits.
        FileChannel lock = FileChannel.open(home.resolve("data/vigie-test.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lock.lock();
        Process process;
        int port;
        String adminPassword;
        try {
            try (Stream<Path> old = Files.list(imports)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            try (InputStream json = KeycloakServer.class.getResourceAsStream(realmResource)) {
                if (json == null) {
                    throw new IOException("no test resource " + realmResource);
                }
                Files.copy(json, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            port = FreePort.onLoopback();
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + FreePort.onLoopback(),
                    "--db=dev-mem", "--import-realm"));
            cmd.addAll(options);
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", javaHome.toString());
            pb.environment().remove("JAVA_OPTS");
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            adminPassword = Base64.getUrlEncoder().encodeToString(secret);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        KeycloakServer server = new KeycloakServer(process, lock, realm,
                URI.create("http://127.0.0.1:" + port + "/realms/" + realm),
                httpsPort == 0 ? null : URI.create("https://127.0.0.1:" + httpsPort + "/realms/" + realm), log,
                adminPassword);
        Runtime.getRuntime().addShutdownHook(server.reaper);
        try {
            server.awaitReady(Duration.ofMinutes(8));
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("Keycloak did not become ready; its log is " + log, e);
        }
        return server;
    }

    private void awaitReady(Duration timeout) {
        URI discovery = URI.create(issuer + PscGatewayConfig.OIDC_DISCOVERY_PATH);
        await("Keycloak serving " + discovery).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with status " + process.exitValue());
                    }
                    HttpRequest r = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build();
                    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /**
     * Rotates the realm's signing key the way an operator does: adds a generated RS256 key with a
     * higher priority through the admin REST API; new tokens are signed with it, the old key stays
     * published for tokens already issued. Returns the HTTP status (201 when created).
     */
    int addSigningKey(String name, int priority) throws IOException, InterruptedException {
        URI origin = issuer.resolve("/");
        String token = adminToken();
        String component = JSON.writeValueAsString(Map.of("name", name, "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realm,
                "config", Map.of("priority", List.of(String.valueOf(priority)), "keySize", List.of("2048"),
                        "algorithm", List.of("RS256"), "active", List.of("true"), "enabled", List.of("true"))));
        HttpRequest add = HttpRequest.newBuilder(origin.resolve("admin/realms/" + realm + "/components"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).build();
        return http.send(add, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * A fresh access token of the bootstrap administrator (master realm, {@code admin-cli}), for the admin REST
     * API under {@code /admin/realms/}.
     */
    public String adminToken() throws IOException, InterruptedException {
        HttpRequest login = HttpRequest.newBuilder(issuer.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakLoginForm.form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", ADMIN, "password", adminPassword)))).build();
        return JSON.readTree(http.send(login, HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
    }

    /** The realm's issuer, {@code http://127.0.0.1:{port}/realms/{realm}}. */
    public URI issuer() {
        return issuer;
    }

    /**
     * The realm's issuer over HTTPS, {@code https://127.0.0.1:{port}/realms/vigie}, when started with {@link Https}:
     * Keycloak names the issuer by the scheme asked.
     */
    URI httpsIssuer() {
        return httpsIssuer;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and does the same
        }
        stopProcessTree();
    }

    private void stopProcessTree() {
        try {
            stopKeycloak();
        } finally {
            try {
                lock.close(); // releases the lock
            } catch (IOException e) {
                // the JVM's exit releases it anyway
            }
        }
    }

    private void stopKeycloak() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

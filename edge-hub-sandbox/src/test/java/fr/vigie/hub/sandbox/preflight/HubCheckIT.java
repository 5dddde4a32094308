package fr.vigie.hub.sandbox.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.preflight.HubCheck;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.sandbox.Sandbox;
import fr.vigie.hub.sandbox.insi.SandboxPki;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vigie hub check} against the sandbox services, as a site runs it: a properties file in the hub's own
 * keys pointing at the INSi simulator (mutual TLS, the test IGC-Santé-like PKI), a PSC simulator in its production
 * mode ({@code tls_client_auth}, HTTPS, a client certificate of that PKI) and the sandbox ApCV keys. The good site
 * gets only OK lines and exit 0; each broken setting gets its FAIL line, with its code and a reason, and exit 1.
 */
class HubCheckIT {
    private static final String PASSWORD = "preflight-secret-9f2c";
    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static PscSimulator psc;
    static SandboxPki pki;
    static Map<String, String> good;
    static ServerSocket gam;

    @BeforeAll
    static void start() throws IOException {
        Clock clock = Clock.systemUTC();
        sandbox = Sandbox.start(dir.resolve("sandbox"), 0, clock);
        pki = sandbox.insi().pki();
        SandboxPki.TlsIdentity pscClient = pki.establishment("vigie-psc-client");
        psc = PscSimulator.startMutualTls("127.0.0.1", 0, PscSimulator.Options.defaults(),
                SandboxProfessionals.bundled(), clock, new SecureRandom(),
                SandboxPki.context(pki.server(), List.of(pki.root())), pscClient.leaf().getSubjectX500Principal());
        Path site = dir.resolve("site");
        AtomicFiles.createPrivateDirectory(site);
        AtomicFiles.write(site.resolve("psc-ca.pem"), Pem.certificates(List.of(pki.root()))
                .getBytes(StandardCharsets.US_ASCII));
        good = new LinkedHashMap<>();
        sandbox.hubSettings().forEach((k, v) -> {
            if (!k.startsWith("hub.psc.")) {
                good.put(k, v);
            }
        });
        good.put(PscGatewaySettings.DISCOVERY_URL, psc.issuer() + PscProvider.DISCOVERY_PATH);
        good.put(PscGatewaySettings.CLIENT_ID, psc.clientId());
        good.put(PscGatewaySettings.CLIENT_AUTH, "tls_client_auth");
        good.put(PscGatewaySettings.CERTIFICATE, p12(site, "psc", pscClient).toString());
        good.put(PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, site.resolve("psc.password").toString());
        good.put(PscGatewaySettings.TRUST_ANCHORS, site.resolve("psc-ca.pem").toString());
        gam = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // a GAM's MLLP port: connections queue
        good.put(GamSettings.HOST, "127.0.0.1");
        good.put(GamSettings.PORT, String.valueOf(gam.getLocalPort()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (gam != null) {
            gam.close();
        }
        if (psc != null) {
            psc.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aGoodSiteGetsOnlyOkLinesAndExitZero() throws IOException {
        Result r = check("good", good);
        assertEquals(0, r.exit, r.out);
        assertFalse(r.out.contains("FAIL") || r.out.contains("WARN"), r.out);
        for (String line : List.of("OK   hub    settings", "OK   PSC    certificate.cn       vigie-psc-client",
                "OK   PSC    certificate.usage", "OK   PSC    certificate.chain", "OK   PSC    certificate.expiry",
                "OK   PSC    reachability", "OK   PSC    discovery", "OK   INSi   certificate.cn       INSI-AUTO",
                "OK   INSi   certificate.chain", "OK   INSi   reachability", "OK   INSi   wsdl", "OK   ApCV   keys",
                "OK   GAM    reachability")) {
            assertTrue(r.out.contains(line), "expected '" + line + "' in:\n" + r.out);
        }
        assertTrue(r.line("INSi", "wsdl").contains("ICIR-v1"), r.out);
        assertTrue(r.line("INSi", "reachability").contains("127.0.0.1:" + sandbox.insiEndpoint().getPort()), r.out);
        assertFalse(r.out.contains(PASSWORD), "a password was printed:\n" + r.out);
        assertFalse(r.out.contains(Files.readString(Path.of(good.get(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE)))
                .strip()), "the INSi password was printed:\n" + r.out);
    }

    @Test
    void anExpiredInsiCertificateFailsWithItsDateAndTheServiceRefusesIt() throws IOException {
        Path site = privateDir("expired");
        Instant start = Instant.now().minus(Duration.ofDays(400));
        Map<String, String> s = with(good, InsiGatewaySettings.CERTIFICATE,
                p12(site, "insi", pki.establishment("INSI-AUTO", start, Duration.ofDays(365))).toString());
        s.put(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, site.resolve("insi.password").toString());
        Result r = check("expired", s);
        assertEquals(1, r.exit, r.out);
        String expiry = r.line("INSi", "certificate.expiry");
        assertTrue(expiry.startsWith("FAIL") && expiry.contains("CERT_EXPIRED")
                && expiry.contains(start.plus(Duration.ofDays(365)).toString().substring(0, 10)), r.out);
        assertTrue(r.line("INSi", "certificate.chain").startsWith("OK"), r.out); // the chain itself is right
        String reach = r.line("INSi", "reachability");                          // and INSi's server refuses it
        assertTrue(reach.startsWith("FAIL") && reach.contains("TLS_CLIENT_REFUSED"), r.out);
        assertTrue(r.line("PSC", "discovery").startsWith("OK"), r.out);        // the other services still checked
    }

    @Test
    void aCertificateEndingWithinThirtyDaysIsAWarningOnly() throws IOException {
        Path site = privateDir("soon");
        Map<String, String> s = with(good, InsiGatewaySettings.CERTIFICATE, p12(site, "insi", pki.establishment(
                "INSI-MANU", Instant.now().minus(Duration.ofDays(340)), Duration.ofDays(350))).toString());
        s.put(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, site.resolve("insi.password").toString());
        Result r = check("soon", s);
        assertEquals(0, r.exit, r.out);
        String expiry = r.line("INSi", "certificate.expiry");
        assertTrue(expiry.startsWith("WARN") && expiry.contains("CERT_EXPIRES_SOON") && expiry.contains("dans 9 jour"),
                r.out);
    }

    @Test
    void anInsiCertificateWithAnotherCnIsRefusedNamingTheCnsInsiAccepts() throws IOException {
        Path site = privateDir("cn");
        Map<String, String> s = with(good, InsiGatewaySettings.CERTIFICATE,
                p12(site, "insi", pki.establishment("SERVEUR-GAM")).toString());
        s.put(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, site.resolve("insi.password").toString());
        Result r = check("cn", s);
        assertEquals(1, r.exit, r.out);
        String cn = r.line("INSi", "certificate.cn");
        assertTrue(cn.startsWith("FAIL") && cn.contains("CERT_CN_REFUSED") && cn.contains("SERVEUR-GAM")
                && cn.contains("INSI-AUTO ou INSI-MANU"), r.out);
        assertTrue(r.line("INSi", "settings").contains(InsiGatewaySettings.CERTIFICATE), r.out);
        assertTrue(r.line("hub", "settings").startsWith("FAIL"), r.out); // the hub would not start
        assertTrue(r.line("INSi", "certificate.chain").startsWith("OK"), r.out); // only the CN is wrong
    }

    @Test
    void aServerCertificateCannotAuthenticateTheHubAsAClient() throws IOException {
        Path site = privateDir("usage");
        Map<String, String> s = with(good, PscGatewaySettings.CERTIFICATE, p12(site, "psc", pki.server()).toString());
        s.put(PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, site.resolve("psc.password").toString());
        Result r = check("usage", s);
        assertEquals(1, r.exit, r.out);
        String usage = r.line("PSC", "certificate.usage");
        assertTrue(usage.startsWith("FAIL") && usage.contains("CERT_NOT_CLIENT_AUTH") && usage.contains("clientAuth"),
                r.out);
    }

    @Test
    void anUnreachableEndpointSaysHostPortAndThatNothingListens() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> s = with(good, InsiGatewaySettings.ENDPOINT, "https://127.0.0.1:" + closed + "/insi/ICIR-v1");
        s.put(GamSettings.PORT, String.valueOf(closed));
        Result r = check("unreachable", s);
        assertEquals(1, r.exit, r.out);
        String reach = r.line("INSi", "reachability");
        assertTrue(reach.startsWith("FAIL") && reach.contains("CONNECT_REFUSED") && reach.contains("127.0.0.1:" + closed),
                r.out);
        assertFalse(r.out.contains("INSi   wsdl"), "no WSDL check without a connection:\n" + r.out);
        String gamLine = r.line("GAM", "reachability");
        assertTrue(gamLine.startsWith("FAIL") && gamLine.contains("CONNECT_REFUSED") && gamLine.contains(":" + closed), r.out);
    }

    @Test
    void aDiscoveryDocumentAtTheWrongPathNamesThePathPscPublishes() throws IOException {
        Result r = check("path", with(good, PscGatewaySettings.DISCOVERY_URL,
                psc.issuer() + "/.well-known/openid-configuration"));
        assertEquals(1, r.exit, r.out);
        String discovery = r.line("PSC", "discovery");
        assertTrue(discovery.startsWith("FAIL") && discovery.contains("DISCOVERY_NOT_FOUND") && discovery.contains("404")
                && discovery.contains(psc.issuer() + "/.well-known/wallet-openid-configuration"), r.out);
    }

    @Test
    void aServerCertificateOutsideTheConfiguredTrustIsSaidSo() throws IOException {
        SandboxPki other = SandboxPki.create("FOREIGN", Clock.systemUTC());
        Path site = privateDir("trust");
        AtomicFiles.write(site.resolve("foreign.pem"), Pem.certificates(List.of(other.root()))
                .getBytes(StandardCharsets.US_ASCII));
        Result r = check("trust", with(good, InsiGatewaySettings.TRUST_ANCHORS, site.resolve("foreign.pem").toString()));
        assertEquals(1, r.exit, r.out);
        String reach = r.line("INSi", "reachability");
        assertTrue(reach.contains("TLS_SERVER_UNTRUSTED") && reach.contains(InsiGatewaySettings.TRUST_ANCHORS)
                && reach.contains("CN=insi-sandbox"), r.out);
    }

    @Test
    void badUsageExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HubCheck.run(List.of("--frobnicate"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: vigie hub check"));
    }

    // ---

    private record Result(int exit, String out) {
        /** The line of {@code service}'s {@code check}. */
        String line(String service, String check) {
            List<String> lines = out.lines().filter(l -> l.matches("(OK|WARN|FAIL) +" + service + " +" + check.replace(".",
                    "\\.") + " .*")).collect(Collectors.toList());
            assertEquals(1, lines.size(), "one line " + service + " " + check + " expected in:\n" + out);
            return lines.get(0);
        }
    }

    private static Result check(String name, Map<String, String> settings) throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        p.put(HubConfig.DATA_DIR, dir.resolve("hub-data").toString());
        Path file = dir.resolve(name + ".properties");
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "hub check " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = HubCheck.run(List.of("--config", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC());
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println("--- hub check " + name + " (exit " + exit + ")\n" + text);
        return new Result(exit, text);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> s = new LinkedHashMap<>(base);
        s.put(key, value);
        return s;
    }

    private static Path privateDir(String name) throws IOException {
        Path d = dir.resolve(name);
        AtomicFiles.createPrivateDirectory(d);
        return d;
    }

    /** Writes {@code identity} as {@code <name>.p12} with its password in {@code <name>.password}, both owner-only. */
    private static Path p12(Path site, String name, SandboxPki.TlsIdentity identity) throws IOException {
        Path file = site.resolve(name + ".p12");
        char[] password = PASSWORD.toCharArray();
        Pkcs12Files.write(file, Map.of(name, new Pkcs12Files.Entry(identity.key(), identity.chain())), password,
                10_000, new SecureRandom());
        AtomicFiles.write(site.resolve(name + ".password"), (PASSWORD + "\n").getBytes(StandardCharsets.US_ASCII));
        return file;
    }
}

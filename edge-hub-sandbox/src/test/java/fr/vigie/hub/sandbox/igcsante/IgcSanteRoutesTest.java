package fr.vigie.hub.sandbox.igcsante;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.igcsante.CrlDistribution;
import fr.vigie.hub.igcsante.CrlRoutes;
import fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox;
import fr.vigie.protocol.device.IgcSanteApi;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteTrust;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's CRL route, serving the CRL file the sandbox IGC-Santé writes (as {@code hub.igc-sante.crl-files}
 * names it), and the sandbox IGC-Santé routes, over HTTP, as a demo kiosk uses them.
 */
class IgcSanteRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private IgcSanteSandbox sandbox;
    private Javalin server;
    private String origin;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        sandbox = IgcSanteSandbox.start(Clock.systemUTC(), dir.resolve("sandbox"));
        CrlDistribution crls = new CrlDistribution(List.of(sandbox.crlFile()));
        server = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        CrlRoutes.mount(server, crls);
        sandbox.mount(server);
        server.start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private IgcSanteTrust anchors() throws Exception {
        HttpResponse<String> r = get("/sandbox/igc-sante/anchors.pem");
        assertEquals(200, r.statusCode());
        Path file = dir.resolve("anchors.pem");
        Files.writeString(file, r.body());
        return IgcSanteTrust.load(List.of(file));
    }

    private IgcSanteCrls fetchCrls(IgcSanteTrust trust) throws Exception {
        HttpResponse<String> r = get(IgcSanteApi.PUBLIC_CRLS.path());
        assertEquals(200, r.statusCode());
        assertEquals("application/x-pem-file", r.headers().firstValue("Content-Type").orElse(""));
        IgcSanteCrls crls = IgcSanteCrls.inMemory(trust);
        for (X509CRL crl : IgcSanteCrls.parse(r.body().getBytes(StandardCharsets.US_ASCII))) {
            crls.offer(crl);
        }
        return crls;
    }

    private static String rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair k = g.generateKeyPair();
        return Base64.getEncoder().encodeToString(k.getPublic().getEncoded());
    }

    private static X509Certificate first(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).iterator().next();
    }

    @Test
    void aCardCertifiedByTheSandboxValidatesUntilRevokedThroughTheRoute() throws Exception {
        IgcSanteTrust trust = anchors();
        HttpResponse<String> certified = post("/sandbox/igc-sante/certify",
                "{\"idNatPs\":\"810000000009\",\"familyName\":\"MARTIN\",\"givenName\":\"Claire\",\"publicKey\":\""
                        + rsaKey() + "\"}");
        assertEquals(200, certified.statusCode(), certified.body());
        X509Certificate card = first(certified.body());
        IgcSanteValidator before = new IgcSanteValidator(trust, fetchCrls(trust), Duration.ZERO, Clock.systemUTC());
        assertEquals("810000000009", before.validate(card).idNatPs());

        HttpResponse<String> revoked = post("/sandbox/igc-sante/revoke",
                "{\"serial\":\"" + card.getSerialNumber().toString(16) + "\"}");

        assertEquals(200, revoked.statusCode());
        assertTrue(revoked.body().contains("\"revoked\":true"), revoked.body());
        IgcSanteValidator after = new IgcSanteValidator(trust, fetchCrls(trust), Duration.ZERO, Clock.systemUTC());
        ProvisioningException e = org.junit.jupiter.api.Assertions.assertThrows(ProvisioningException.class,
                () -> after.validate(card));
        assertEquals(ProvisioningError.CERT_REVOKED, e.error());
    }

    @Test
    void badRequestsAreRejectedWithACode() throws Exception {
        List<String> answers = new ArrayList<>();
        answers.add(post("/sandbox/igc-sante/certify", "{\"idNatPs\":\"810000000008\",\"publicKey\":\"" + rsaKey()
                + "\"}").body());
        answers.add(post("/sandbox/igc-sante/certify", "{\"idNatPs\":\"810000000009\",\"publicKey\":\"AAAA\"}").body());
        answers.add(post("/sandbox/igc-sante/revoke", "{\"serial\":\"not-hex\"}").body());
        answers.add(post("/sandbox/igc-sante/revoke", "[1,2").body());

        assertTrue(answers.get(0).contains("\"error\":\"RPPS_KEY_MISMATCH\""), answers.get(0));
        assertTrue(answers.get(1).contains("\"error\":\"KEY_INVALID\""), answers.get(1));
        assertTrue(answers.get(2).contains("\"error\":\"SERIAL_INVALID\""), answers.get(2));
        assertTrue(answers.get(3).contains("\"error\":\"BODY_INVALID\""), answers.get(3));
    }
}

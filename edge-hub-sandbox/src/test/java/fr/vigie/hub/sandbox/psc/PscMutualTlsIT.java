package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import fr.vigie.protocol.identity.IdNatPs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual-TLS client authentication ({@code tls_client_auth}) between the gateway and the sandbox PSC. */
class PscMutualTlsIT {
    static final char[] PASS = "changeit".toCharArray();
    static final String CLIENT_DN = "CN=vigie-sandbox,O=CH DE VIGIE";
    @TempDir
    static Path dir;
    static KeyStore server;
    static KeyStore client;
    static KeyStore intruder;
    static PscSimulator psc;
    final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void start() throws Exception {
        server = keyPair("server", "CN=sandbox-psc", "san=ip:127.0.0.1");
        client = keyPair("client", CLIENT_DN, null);
        intruder = keyPair("intruder", "CN=intruder", null);
        psc = PscSimulator.startMutualTls("127.0.0.1", 0, PscSimulator.Options.defaults(),
                SandboxProfessionals.bundled(), Clock.systemUTC(), new SecureRandom(),
                tls(server, client.getCertificate("client")), new X500Principal(CLIENT_DN));
        psc.autoApprove(true);
    }

    @AfterAll
    static void stop() {
        if (psc != null) {
            psc.close();
        }
    }

    static KeyStore keyPair(String alias, String dn, String ext) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dn,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit"));
        if (ext != null) {
            cmd.addAll(List.of("-ext", ext));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASS);
        }
        return ks;
    }

    static SSLContext tls(KeyStore own, Certificate trusted) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(own, PASS);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("peer", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    @Test
    void gatewayWithTheRegisteredCertificateSignsInWithoutASecret() throws Exception {
        assertTrue(psc.issuer().toString().startsWith("https://127.0.0.1:"));
        PscGatewayConfig config = PscGatewayConfig.withMutualTls(psc.issuer(), "vigie-sandbox",
                tls(client, server.getCertificate("server")));
        PscProvider provider = PscProvider.discover(config);
        IdTokenValidator validator = IdTokenValidator.forProvider(config, provider, clock);
        CibaFlow flow = new CibaFlow(config, provider, validator, new SecureRandom(), clock);
        CibaPoll answer = flow.poll(flow.start(IdNatPs.parse("810099900028"), CibaChannel.CARD));
        assertEquals("810099900028", assertInstanceOf(CibaPoll.Tokens.class, answer).tokens().claims()
                .subjectNameId().value());
    }

    @Test
    void gatewayWithAnUntrustedCertificateIsRefusedInTheHandshakeAsAnUnauthorizedClient() throws Exception {
        PscGatewayConfig config = PscGatewayConfig.withMutualTls(psc.issuer(), "vigie-sandbox",
                tls(intruder, server.getCertificate("server")));
        PscException e = assertThrows(PscException.class, () -> PscProvider.discover(config));
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED, e.error(), e.getMessage());
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
    }

    @Test
    void trustedCertificateWithAnotherClientIdIsRefusedAsInvalidClient() throws Exception {
        PscGatewayConfig good = PscGatewayConfig.withMutualTls(psc.issuer(), "vigie-sandbox",
                tls(client, server.getCertificate("server")));
        PscProvider provider = PscProvider.discover(good);
        PscGatewayConfig other = PscGatewayConfig.withMutualTls(psc.issuer(), "another-client",
                tls(client, server.getCertificate("server")));
        CibaFlow flow = new CibaFlow(other, provider, IdTokenValidator.forProvider(other, provider, clock),
                new SecureRandom(), clock);
        assertEquals(PscError.PSC_CLIENT_UNAUTHORIZED, assertThrows(PscException.class,
                () -> flow.start(IdNatPs.parse("810099900010"), CibaChannel.MOBILE)).error());
    }
}

package fr.vigie.kiosk.igcsante;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.kiosk.config.CardTrustSettings;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.session.IgcSanteCertificateCheck;
import fr.vigie.protocol.device.IgcSanteApi;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's card trust over a real on-disk cache: CRLs fetched, verified, cached, used offline. */
class CardTrustTest {
    private static final TestIgcSante IGC = TestIgcSante.create(Clock.systemUTC(), new SecureRandom());
    /** The same names as {@link #IGC}, other keys: its CRLs are forgeries for a kiosk trusting IGC. */
    private static final TestIgcSante FORGER = TestIgcSante.create(Clock.systemUTC(), new SecureRandom());
    private static final CpsCredential MARTIN = IGC.issuePersonne("810000000009", "MARTIN", "Claire");

    @TempDir
    Path dataDir;
    private CardTrustSettings settings;

    @BeforeEach
    void anchors() throws IOException {
        Path anchors = dataDir.resolve("igc-sante.pem");
        Files.writeString(anchors, IGC.trust().toPem());
        settings = new CardTrustSettings(List.of(anchors), null, null, Duration.ofMinutes(60), Duration.ofHours(48));
    }

    private static CrlSource serving(TestIgcSante igc) {
        return () -> IgcSanteCrls.toPem(igc.crls()).getBytes(StandardCharsets.US_ASCII);
    }

    private static final CrlSource UNREACHABLE = () -> {
        throw new IOException("connection refused");
    };

    private CardTrust open(CrlSource source) throws Exception {
        CardTrust trust = CardTrust.open(settings, dataDir, Clock.systemUTC());
        trust.useSource(source);
        return trust;
    }

    @Test
    void withTheHubUnreachableACardIsStillAcceptedWithTheCachedCrls() throws Exception {
        try (CardTrust online = open(serving(IGC))) {
            assertTrue(online.refreshNow().orElseThrow().clean());
        }

        try (CardTrust offline = open(UNREACHABLE)) {
            CrlRefresher.Result result = offline.refreshNow().orElseThrow();

            assertEquals(List.of("UNREACHABLE: connection refused"), result.rejected());
            assertEquals(Optional.empty(), offline.certificateCheck().refusal(MARTIN.certificate()));
        }
    }

    @Test
    void withoutAnyCrlYetCardsAreRefusedAsCrlMissing() throws Exception {
        try (CardTrust trust = open(UNREACHABLE)) {
            trust.refreshNow();

            assertTrue(trust.certificateCheck().refusal(MARTIN.certificate()).orElseThrow().startsWith("CRL_MISSING: "));
        }
    }

    @Test
    void aForgedCrlIsRejectedAndTheCachedOneKeepsTheRevocation() throws Exception {
        CpsCredential stolen = IGC.issuePersonne("810000000017", "DURAND", "Léa");
        IGC.revoke(stolen);
        try (CardTrust trust = open(serving(IGC))) {
            trust.refreshNow();
        }

        try (CardTrust trust = open(serving(FORGER))) {
            CrlRefresher.Result result = trust.refreshNow().orElseThrow();

            assertEquals(0, result.stored());
            assertEquals(2, result.rejected().size());
            assertTrue(result.rejected().get(0).startsWith("CRL_INVALID: "), result.rejected().toString());
            assertTrue(trust.certificateCheck().refusal(stolen.certificate()).orElseThrow().startsWith("CERT_REVOKED: "));
        }
    }

    @Test
    void aCardRevokedAtTheHubIsRefusedAfterTheNextRefresh() throws Exception {
        CpsCredential card = IGC.issuePersonne("810000000025", "PETIT", "Jean");
        try (CardTrust trust = open(serving(IGC))) {
            trust.refreshNow();
            assertEquals(Optional.empty(), trust.certificateCheck().refusal(card.certificate()));

            IGC.revoke(card);
            CrlRefresher.Result result = trust.refreshNow().orElseThrow();

            assertEquals(1, result.stored());
            assertTrue(trust.certificateCheck().refusal(card.certificate()).orElseThrow().startsWith("CERT_REVOKED: "));
        }
    }

    @Test
    void theIdNatPsComesFromTheValidatedCertificate() throws Exception {
        try (CardTrust trust = open(serving(IGC))) {
            trust.refreshNow();

            IgcSanteCertificateCheck check = (IgcSanteCertificateCheck) trust.certificateCheck();
            assertEquals("810000000009", check.validate(MARTIN.certificate()).idNatPs());
            assertEquals("MARTIN", check.validate(MARTIN.certificate()).familyName());
        }
    }

    @Test
    void withoutAnchorsEveryCardIsRefusedAsUntrusted() throws Exception {
        CardTrust trust = CardTrust.open(CardTrustSettings.defaults(), dataDir, Clock.systemUTC());

        assertTrue(trust.certificateCheck().refusal(MARTIN.certificate()).orElseThrow()
                .startsWith("CERT_UNTRUSTED_ISSUER: "));
        assertFalse(trust.refreshNow().isPresent());
    }

    @Test
    void anUnusableAnchorFileStopsTheKioskNamingTheKey() throws Exception {
        Path broken = dataDir.resolve("broken.pem");
        Files.writeString(broken, "not a certificate");
        CardTrustSettings bad = new CardTrustSettings(List.of(broken), null, null, Duration.ofMinutes(60),
                Duration.ofHours(48));

        KioskConfigException e = assertThrows(KioskConfigException.class,
                () -> CardTrust.open(bad, dataDir, Clock.systemUTC()));

        assertEquals(CardTrustSettings.ANCHORS, e.key());
        assertTrue(e.getMessage().contains("broken.pem"), e.getMessage());
    }

    @Test
    void theHttpSourceFetchesTheHubsBundleAndReportsErrors() throws Exception {
        AtomicReference<Integer> status = new AtomicReference<>(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(IgcSanteApi.PUBLIC_CRLS.path(), exchange -> {
            byte[] body = IgcSanteCrls.toPem(IGC.crls()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (CardTrust trust = open(new HttpCrlSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + IgcSanteApi.PUBLIC_CRLS.path())))) {
            assertEquals(2, trust.refreshNow().orElseThrow().stored());

            status.set(503);
            CrlRefresher.Result failed = trust.refreshNow().orElseThrow();

            assertTrue(failed.rejected().get(0).contains("HTTP 503"), failed.rejected().toString());
            assertEquals(Optional.empty(), trust.certificateCheck().refusal(MARTIN.certificate()));
        } finally {
            server.stop(0);
        }
    }
}

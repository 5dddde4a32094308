package fr.vigie.hub.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.testing.ManualClock;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.RootPin;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import fr.vigie.provisioning.enrolment.EnrolmentRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrolment decisions on a real hub (PostgreSQL, site CA): what is accepted, and every refusal's code. */
class EnrolmentsIT {
    static final String SITE = "chu-nord";
    @TempDir
    static Path dir;
    static ManualClock clock = ManualClock.followingSystemTime();
    static EdgeHub hub;
    static Enrolments enrolments;

    @BeforeAll
    static void start() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", dir.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE)), clock);
        enrolments = hub.enrolments();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    static DeviceIdentity kiosk(String id) throws Exception {
        return TestDevices.unenrolled(dir.resolve("kiosks"), KioskAddress.of(SITE, id), clock);
    }

    static String code(EnrolmentRefused e) {
        return e.code();
    }

    @Test
    void itApprovesOnlyWithTheCodeTheKioskShows() throws Exception {
        DeviceIdentity k = kiosk("approve");
        EnrolmentView pending = enrolments.submit(EnrolmentRequest.of(k, null));
        assertEquals(EnrolmentView.PENDING, pending.status());

        EnrolmentRefused wrong = assertThrows(EnrolmentRefused.class,
                () -> enrolments.approve(pending.id(), "AAAA-AAAA", "alice"));
        assertEquals("ENROLMENT_CODE_MISMATCH", code(wrong));
        assertEquals(EnrolmentView.PENDING, enrolments.find(pending.id()).status());

        EnrolmentView issued = enrolments.approve(pending.id(), k.enrolmentCode(), "alice");
        assertEquals(EnrolmentView.ISSUED, issued.status());
        assertEquals("alice", issued.decidedBy());
        assertEquals("ENROLMENT_ALREADY_DECIDED", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.reject(pending.id(), "too late", "bob"))));
    }

    @Test
    void rejectedRequestCarriesItsReasonToTheKiosk() throws Exception {
        DeviceIdentity k = kiosk("reject");
        EnrolmentView pending = enrolments.submit(EnrolmentRequest.of(k, null));

        enrolments.reject(pending.id(), "kiosk inconnu du service", "alice");

        HttpResponse<String> poll = get("/enrol/v1/requests/" + pending.id());
        assertTrue(poll.body().contains("\"status\":\"REJECTED\"") && poll.body().contains("kiosk inconnu du service"),
                poll.body());
        assertFalse(poll.body().contains("result"), poll.body());
    }

    @Test
    void sameKeyAskingAgainGetsTheSameRequestAndANewKeyReplacesIt() throws Exception {
        DeviceIdentity k = kiosk("again");
        EnrolmentView first = enrolments.submit(EnrolmentRequest.of(k, null));
        assertEquals(first.id(), enrolments.submit(EnrolmentRequest.of(k, null)).id());

        DeviceIdentity rekeyed = TestDevices.unenrolled(dir.resolve("rekeyed"), k.kiosk(), clock);
        EnrolmentView second = enrolments.submit(EnrolmentRequest.of(rekeyed, null));

        assertNotEquals(first.id(), second.id());
        assertEquals(EnrolmentView.REJECTED, enrolments.find(first.id()).status());
        assertEquals("SUPERSEDED", enrolments.find(first.id()).reason());
    }

    @Test
    void bootstrapTokenIssuesAtOnceAndOnlyOnce() throws Exception {
        DeviceIdentity k = kiosk("token");
        BootstrapToken t = enrolments.issueToken(k.kiosk(), Duration.ofHours(1), "alice");

        EnrolmentView v = enrolments.submit(EnrolmentRequest.of(k, t.value()));

        assertEquals(EnrolmentView.ISSUED, v.status());
        assertEquals("bootstrap-token:" + t.id(), v.decidedBy());
        assertEquals("TOKEN_USED", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(EnrolmentRequest.of(k, t.value())))));
    }

    @Test
    void tokenOfAnotherKioskOrPastItsExpiryIsRefused() throws Exception {
        DeviceIdentity k = kiosk("token-other");
        BootstrapToken forSomeoneElse = enrolments.issueToken(KioskAddress.of(SITE, "someone-else"),
                Duration.ofHours(1), "alice");
        assertEquals("TOKEN_WRONG_KIOSK", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(EnrolmentRequest.of(k, forSomeoneElse.value())))));

        BootstrapToken shortLived = enrolments.issueToken(k.kiosk(), Duration.ofMinutes(5), "alice");
        clock.advance(Duration.ofMinutes(6));
        try {
            assertEquals("TOKEN_EXPIRED", code(assertThrows(EnrolmentRefused.class,
                    () -> enrolments.submit(EnrolmentRequest.of(k, shortLived.value())))));
        } finally {
            clock.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void kioskOfAnotherSiteOrWithAForgedCodeIsRefused() throws Exception {
        DeviceIdentity foreign = TestDevices.unenrolled(dir.resolve("kiosks"), KioskAddress.of("chu-sud", "k"), clock);
        assertEquals("CSR_SUBJECT_MISMATCH", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(EnrolmentRequest.of(foreign, null)))));

        DeviceIdentity k = kiosk("forged");
        assertEquals("ENROLMENT_CODE_MISMATCH", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(new EnrolmentRequest(k.kiosk(), k.csrPem(), "AAAA-AAAA", null)))));
    }

    @Test
    void malformedRequestOnTheDeviceApiGetsItsCode() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(RootPin.enrolmentContext(
                hub.siteCa().rootFingerprint())).build().send(HttpRequest.newBuilder(hub.deviceApiUri()
                .resolve("/enrol/v1/requests")).POST(HttpRequest.BodyPublishers.ofString("{\"schema\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"ENROLMENT_MALFORMED\""), r.body());
    }

    @Test
    void revocationIsPublishedInTheCrl() throws Exception {
        DeviceIdentity k = kiosk("revoked");
        enrolments.submit(EnrolmentRequest.of(k, enrolments.issueToken(k.kiosk(), Duration.ofHours(1), "a").value()));

        var serials = enrolments.revoke(k.kiosk(), RevocationReason.KEY_COMPROMISE, "alice");

        assertEquals(1, serials.size());
        assertTrue(hub.siteCa().isRevoked(new java.math.BigInteger(serials.get(0), 16)));
        assertTrue(get("/enrol/v1/crl").body().startsWith("-----BEGIN X509 CRL-----"));
        assertEquals("DEVICE_UNKNOWN", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.revoke(k.kiosk(), RevocationReason.KEY_COMPROMISE, "alice"))));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newBuilder().sslContext(RootPin.enrolmentContext(hub.siteCa().rootFingerprint())).build()
                .send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

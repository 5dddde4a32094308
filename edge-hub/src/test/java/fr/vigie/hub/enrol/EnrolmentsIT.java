package fr.vigie.hub.enrol;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.testing.LogCapture;
import fr.vigie.hub.testing.RawHttp;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentError;
import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.device.RootPin;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import fr.vigie.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolment decisions on a real hub (PostgreSQL, site CA): what is accepted, every refusal's code, and
 * what an attacker on the network can no longer do — flood the endpoint from one machine, or cancel a
 * kiosk's waiting request by naming it.
 */
class EnrolmentsIT {
    static final String SITE = "chu-nord";
    /** Where the in-process requests say they come from (TEST-NET-1). */
    static final String FROM = "192.0.2.10";
    @TempDir
    static Path dir;
    static final ObjectMapper JSON = new ObjectMapper();
    static MutableClock clock = MutableClock.followingSystemTime();
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
        EnrolmentView pending = enrolments.submit(k.enrolmentRequest(Optional.empty()), FROM);
        assertEquals(EnrolmentStatus.PENDING, pending.status());

        EnrolmentRefused wrong = assertThrows(EnrolmentRefused.class,
                () -> enrolments.approve(pending.id(), "AAAA-AAAA", "alice"));
        assertEquals("ENROLMENT_CODE_MISMATCH", code(wrong));
        assertEquals(EnrolmentStatus.PENDING, enrolments.find(pending.id()).status());

        EnrolmentView issued = enrolments.approve(pending.id(), k.enrolmentCode(), "alice");
        assertEquals(EnrolmentStatus.ISSUED, issued.status());
        assertEquals("alice", issued.decidedBy());
        assertEquals("ENROLMENT_ALREADY_DECIDED", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.reject(pending.id(), "too late", "bob"))));
    }

    @Test
    void rejectedRequestCarriesItsReasonToTheKiosk() throws Exception {
        DeviceIdentity k = kiosk("reject");
        EnrolmentView pending = enrolments.submit(k.enrolmentRequest(Optional.empty()), FROM);

        enrolments.reject(pending.id(), "kiosk inconnu du service", "alice");

        HttpResponse<String> poll = get(EnrolmentApi.PROGRESS.path(pending.id().toString()));
        assertTrue(poll.body().contains("\"status\":\"REJECTED\"") && poll.body().contains("kiosk inconnu du service"),
                poll.body());
        assertFalse(poll.body().contains("result"), poll.body());
    }

    @Test
    void sameKeyAskingAgainGetsItsRequestAndAnotherKeyWaitsBesideItUntilItApprovesOne() throws Exception {
        DeviceIdentity k = kiosk("again");
        EnrolmentView first = enrolments.submit(k.enrolmentRequest(Optional.empty()), FROM);
        assertEquals(first.id(), enrolments.submit(k.enrolmentRequest(Optional.empty()), FROM).id());

        DeviceIdentity rekeyed = TestDevices.unenrolled(dir.resolve("rekeyed"), k.kiosk(), clock);
        EnrolmentView second = enrolments.submit(rekeyed.enrolmentRequest(Optional.empty()), "192.0.2.99");

        assertNotEquals(first.id(), second.id());
        assertEquals(EnrolmentStatus.PENDING, enrolments.find(first.id()).status(), "a new key cancels nothing");
        assertEquals(1, enrolments.find(first.id()).conflicts());
        assertEquals(1, second.conflicts());
        assertEquals("192.0.2.99", second.source());

        enrolments.approve(first.id(), k.enrolmentCode(), "alice");

        EnrolmentView closed = enrolments.find(second.id());
        assertEquals(EnrolmentStatus.REJECTED, closed.status());
        assertEquals("SUPERSEDED", closed.reason());
        assertEquals("alice", closed.decidedBy());
        assertTrue(auditLog(hub).find(AuditQuery.all(1000)).entries().stream().anyMatch(r -> r.action()
                .equals("ENROL_SUPERSEDED") && r.actor().equals("alice") && r.details().get("enrolmentId")
                        .equals(second.id().toString()) && r.details().get("supersededBy").equals(first.id().toString())));
    }

    @Test
    void theCodeIsMatchedWhateverTheCaseOrSpacingItIsTypedWith() throws Exception {
        DeviceIdentity k = kiosk("typed");
        EnrolmentView pending = enrolments.submit(k.enrolmentRequest(Optional.empty()), FROM);
        String typed = " " + k.enrolmentCode().toLowerCase(java.util.Locale.ROOT).replace("-", "") + " ";

        assertEquals(EnrolmentStatus.ISSUED, enrolments.approve(pending.id(), typed, "alice").status());
    }

    @Test
    void oneSourceKeepsOnlyItsShareOfRequestsWaitingAndOthersStillGetIn() throws Exception {
        String crowded = "198.51.100.7";
        int share = EnrolmentLimits.defaults().maxPendingPerSource();
        for (int i = 0; i < share; i++) {
            assertEquals(EnrolmentStatus.PENDING, enrolments.submit(kiosk("crowd-" + i).enrolmentRequest(Optional.empty()),
                    crowded).status());
        }
        DeviceIdentity oneMore = kiosk("crowd-" + share);

        EnrolmentRefused full = assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(oneMore.enrolmentRequest(Optional.empty()), crowded));

        assertEquals(429, full.status());
        assertEquals(EnrolmentError.ENROLMENT_SOURCE_QUEUE_FULL.name(), full.code());
        assertEquals(EnrolmentStatus.PENDING, enrolments.submit(oneMore.enrolmentRequest(Optional.empty()), "198.51.100.8")
                .status(), "another source is not held back by the first one's requests");
    }

    @Test
    void bootstrapTokenIssuesAtOnceAndOnlyOnce() throws Exception {
        DeviceIdentity k = kiosk("token");
        BootstrapToken t = enrolments.issueToken(k.kiosk(), Duration.ofHours(1), "alice");

        EnrolmentView v = enrolments.submit(k.enrolmentRequest(Optional.of(t.value())), FROM);

        assertEquals(EnrolmentStatus.ISSUED, v.status());
        assertEquals("bootstrap-token:" + t.id(), v.decidedBy());
        assertEquals("TOKEN_USED", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(k.enrolmentRequest(Optional.of(t.value())), FROM))));
    }

    @Test
    void tokenOfAnotherKioskOrPastItsExpiryIsRefused() throws Exception {
        DeviceIdentity k = kiosk("token-other");
        BootstrapToken forSomeoneElse = enrolments.issueToken(KioskAddress.of(SITE, "someone-else"),
                Duration.ofHours(1), "alice");
        assertEquals("TOKEN_WRONG_KIOSK", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(k.enrolmentRequest(Optional.of(forSomeoneElse.value())), FROM))));

        BootstrapToken shortLived = enrolments.issueToken(k.kiosk(), Duration.ofMinutes(5), "alice");
        clock.advance(Duration.ofMinutes(6));
        try {
            assertEquals("TOKEN_EXPIRED", code(assertThrows(EnrolmentRefused.class,
                    () -> enrolments.submit(k.enrolmentRequest(Optional.of(shortLived.value())), FROM))));
        } finally {
            clock.advance(Duration.ofMinutes(-6));
        }
    }

    @Test
    void kioskOfAnotherSiteOrWithAForgedCodeIsRefused() throws Exception {
        DeviceIdentity foreign = TestDevices.unenrolled(dir.resolve("kiosks"), KioskAddress.of("chu-sud", "k"), clock);
        assertEquals("CSR_SUBJECT_MISMATCH", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(foreign.enrolmentRequest(Optional.empty()), FROM))));

        DeviceIdentity k = kiosk("forged");
        assertEquals("ENROLMENT_CODE_MISMATCH", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.submit(EnrolmentRequest.of(k.kiosk(), k.csrPem(), "AAAA-AAAA", Optional.empty()), FROM))));
    }

    @Test
    void malformedRequestOnTheDeviceApiGetsItsCode() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(RootPin.enrolmentContext(
                hub.siteCa().rootFingerprint())).build().send(HttpRequest.newBuilder(hub.deviceApiUri()
                .resolve(EnrolmentApi.SUBMIT.path())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"ENROLMENT_MALFORMED\""), r.body());
    }

    @Test
    void revocationIsPublishedInTheCrl() throws Exception {
        DeviceIdentity k = kiosk("revoked");
        enrolments.submit(k.enrolmentRequest(Optional.of(enrolments.issueToken(k.kiosk(), Duration.ofHours(1), "a").value())), FROM);

        var serials = enrolments.revoke(k.kiosk(), RevocationReason.KEY_COMPROMISE, "alice");

        assertEquals(1, serials.size());
        assertTrue(hub.siteCa().isRevoked(new java.math.BigInteger(serials.get(0), 16)));
        assertTrue(get(EnrolmentApi.SITE_CRL.path()).body().startsWith("-----BEGIN X509 CRL-----"));
        assertEquals("DEVICE_UNKNOWN", code(assertThrows(EnrolmentRefused.class,
                () -> enrolments.revoke(k.kiosk(), RevocationReason.KEY_COMPROMISE, "alice"))));
    }

    @Test
    void aThousandRequestsFromOneMachineDoNotKeepAKioskOnAnotherFromEnrolling() throws Exception {
        // given an attacker at 127.0.0.2 cycling through 30 keys of made-up kiosks
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bodies.add(json(TestDevices.unenrolled(dir.resolve("flood"), KioskAddress.of(SITE, "flood-" + i), clock)));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> codes = new TreeMap<>();
        int withRetryAfter = 0;
        try (LogCapture log = LogCapture.start();
                RawHttp attacker = RawHttp.connect(hub.deviceApiUri(), "127.0.0.2", pinned())) {
            // when it sends 1000 enrolment requests
            for (int i = 0; i < 1000; i++) {
                RawHttp.Response r = attacker.send("POST", EnrolmentApi.SUBMIT.path(), "application/json",
                        bodies.get(i % bodies.size()));
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 429) {
                    codes.merge(JSON.readTree(r.body()).path("error").asText(), 1, Integer::sum);
                    withRetryAfter += r.header("Retry-After") == null ? 0 : 1;
                }
            }
            // and a real kiosk asks from another machine (this one, 127.0.0.1)
            DeviceIdentity real = kiosk("accueil-apres-flood");
            HttpResponse<String> answer = post(EnrolmentApi.SUBMIT.path(), json(real));

            // then the kiosk's request waits for IT like any other
            assertEquals(202, answer.statusCode(), answer.body());
            assertEquals("PENDING", JSON.readTree(answer.body()).path("status").asText());
            // and the flood got its share and no more
            assertEquals(Set.of(202, 429), statuses.keySet(), statuses.toString());
            assertEquals(Set.of(EnrolmentError.ENROLMENT_RATE_LIMITED.name(), EnrolmentError.ENROLMENT_SOURCE_QUEUE_FULL.name()), codes.keySet());
            assertTrue(codes.get(EnrolmentError.ENROLMENT_RATE_LIMITED.name()) >= 800, codes.toString());
            assertEquals(codes.get(EnrolmentError.ENROLMENT_RATE_LIMITED.name()), withRetryAfter);
            assertEquals(EnrolmentLimits.defaults().maxPendingPerSource(), enrolments.list(EnrolmentStatus.PENDING, 1000)
                    .stream().filter(v -> "127.0.0.2".equals(v.source())).count());
            // and neither the log nor the audit log got a line per request
            assertEquals(List.of(), log.aboveWarnOrWithStackTrace());
            assertTrue(log.events().stream().filter(e -> e.getFormattedMessage().contains("127.0.0.2")).count() < 50,
                    "the log names the flooding source " + log.events().size() + " times");
        }
        assertEquals(EnrolmentLimits.defaults().maxPendingPerSource(), audit().stream()
                .filter(r -> r.action().equals("ENROL_REQUESTED") && "127.0.0.2".equals(r.details().get("source")))
                .count());
        int refused = statuses.get(429);
        clock.advance(Duration.ofSeconds(61));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> audit().stream()
                    .filter(r -> r.action().equals("ENROL_REQUESTS_REFUSED") && r.subject().equals("source:127.0.0.2"))
                    .mapToInt(r -> Integer.parseInt(r.details().get("count"))).sum() == refused);
            assertTrue(audit().stream().filter(r -> r.action().equals("ENROL_REQUESTS_REFUSED")
                    && r.subject().equals("source:127.0.0.2")).count() <= 2, "one entry per source and minute");
        } finally {
            clock.advance(Duration.ofSeconds(-61));
        }
    }

    @Test
    void aRequestNamingAWaitingKioskCancelsNothingAndTheKioskGetsItsCertificateOnceItChooses() throws Exception {
        // given the real kiosk waiting for IT
        DeviceIdentity real = kiosk("accueil-7");
        String realId = JSON.readTree(post(EnrolmentApi.SUBMIT.path(), json(real)).body()).path("id").asText();
        DeviceIdentity impostor = TestDevices.unenrolled(dir.resolve("impostor"), real.kiosk(), clock);
        String admin = staffDirectory(hub).tokens().issue("admin", StaffRole.ADMIN, "enrolments-it", "test").token();
        try (RawHttp attacker = RawHttp.connect(hub.deviceApiUri(), "127.0.0.3", pinned())) {
            // when another machine asks for the same kiosk id with its own key
            RawHttp.Response attempt = attacker.send("POST", EnrolmentApi.SUBMIT.path(), "application/json", json(impostor));
            assertEquals(202, attempt.status(), attempt.body());
            String impostorId = JSON.readTree(attempt.body()).path("id").asText();

            // then the real request still waits, and IT sees the two side by side
            assertEquals("PENDING", JSON.readTree(get(EnrolmentApi.PROGRESS.path(realId)).body()).path("status").asText());
            JsonNode listed = JSON.readTree(rest(admin, "GET", "/api/v1/enrolments?status=PENDING", null).body());
            List<JsonNode> both = new ArrayList<>();
            listed.forEach(e -> {
                if (e.path("kioskId").asText().equals("accueil-7")) {
                    both.add(e);
                }
            });
            assertEquals(2, both.size(), listed.toString());
            assertTrue(both.stream().allMatch(e -> e.path("conflicts").asInt() == 1), both.toString());
            assertEquals(Set.of("127.0.0.1", "127.0.0.3"), both.stream().map(e -> e.path("source").asText())
                    .collect(java.util.stream.Collectors.toSet()));

            // when IT approves the code the real kiosk's screen shows
            HttpResponse<String> approved = rest(admin, "POST", "/api/v1/enrolments/" + realId + "/approve",
                    "{\"enrolmentCode\":\"" + real.enrolmentCode().toLowerCase(java.util.Locale.ROOT) + "\"}");
            assertEquals(200, approved.statusCode(), approved.body());

            // then the real kiosk gets a certificate for its own key, and the other request is closed
            JsonNode issued = JSON.readTree(get(EnrolmentApi.PROGRESS.path(realId)).body());
            assertEquals("ISSUED", issued.path("status").asText());
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(issued.at("/result/certificateChainPem").asText()
                            .getBytes(StandardCharsets.US_ASCII)));
            assertEquals(real.publicKey(), cert.getPublicKey());
            JsonNode closed = JSON.readTree(attacker.send("GET", EnrolmentApi.PROGRESS.path(impostorId), null, null).body());
            assertEquals("REJECTED", closed.path("status").asText());
            assertEquals("SUPERSEDED", closed.path("reason").asText());
        }
    }

    private static String json(DeviceIdentity d) {
        return new String(new DeviceCodec().encode(d.enrolmentRequest(Optional.empty())), StandardCharsets.UTF_8);
    }

    private static SSLContext pinned() {
        return RootPin.enrolmentContext(hub.siteCa().rootFingerprint());
    }

    private static List<AuditRecord> audit() throws Exception {
        return auditLog(hub).find(AuditQuery.all(1000)).entries();
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newBuilder().sslContext(pinned()).build().send(HttpRequest.newBuilder(hub.deviceApiUri()
                .resolve(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> rest(String token, String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(hub.httpUri().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newBuilder().sslContext(RootPin.enrolmentContext(hub.siteCa().rootFingerprint())).build()
                .send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

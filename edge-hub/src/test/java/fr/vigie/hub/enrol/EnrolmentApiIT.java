package fr.vigie.hub.enrol;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IT routes of enrolment over the hub's REST API, behind the staff sign-in, audited with the login. */
class EnrolmentApiIT {
    static final String SITE = "chu-nord";
    /** Where the in-process requests say they come from (TEST-NET-1). */
    static final String FROM = "192.0.2.10";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static MutableClock clock = MutableClock.followingSystemTime();
    static EdgeHub hub;
    static String admin;
    static String viewer;

    @BeforeAll
    static void start() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", dir.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE)), clock);
        admin = staffDirectory(hub).tokens().issue("admin", StaffRole.ADMIN, "enrol", "test").token();
        viewer = staffDirectory(hub).tokens().issue("admin", StaffRole.VIEWER, "enrol-viewer", "test").token();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    static HttpResponse<String> send(String token, String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.httpUri().resolve(path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminApprovesWithTheCodeAndRevokesAndTheAuditNamesThem() throws Exception {
        DeviceIdentity k = TestDevices.unenrolled(dir.resolve("kiosks"), KioskAddress.of(SITE, "accueil-1"), clock);
        EnrolmentView pending = hub.enrolments().submit(k.enrolmentRequest(Optional.empty()), FROM);

        JsonNode list = JSON.readTree(send(viewer, "GET", "/api/v1/enrolments?status=PENDING", null).body());
        assertEquals(k.enrolmentCode(), list.get(0).path("enrolmentCode").asText());
        HttpResponse<String> wrong = send(admin, "POST", "/api/v1/enrolments/" + pending.id() + "/approve",
                Map.of("enrolmentCode", "AAAA-AAAA"));
        assertEquals(409, wrong.statusCode());
        assertTrue(wrong.body().contains("ENROLMENT_CODE_MISMATCH"), wrong.body());

        HttpResponse<String> approved = send(admin, "POST", "/api/v1/enrolments/" + pending.id() + "/approve",
                Map.of("enrolmentCode", k.enrolmentCode()));
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("ISSUED", JSON.readTree(approved.body()).path("status").asText());

        HttpResponse<String> revoked = send(admin, "POST", "/api/v1/devices/" + SITE + "/accueil-1/revoke",
                Map.of("reason", "KEY_COMPROMISE"));
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(1, JSON.readTree(revoked.body()).path("revoked").size());

        List<AuditRecord> audit = auditLog(hub).find(AuditQuery.all(100)).entries();
        assertTrue(audit.stream().anyMatch(r -> r.action().equals("ENROL_APPROVED") && r.actor().equals("admin")));
        assertTrue(audit.stream().anyMatch(r -> r.action().equals("DEVICE_REVOKED") && r.actor().equals("admin")
                && r.subject().equals("kiosk:" + SITE + "/accueil-1")));
    }

    @Test
    void bootstrapTokenIsShownOnceAndNeverAudited() throws Exception {
        HttpResponse<String> r = send(admin, "POST", "/api/v1/enrolments/tokens", Map.of("kioskId", "accueil-2",
                "ttlHours", 2));

        assertEquals(201, r.statusCode(), r.body());
        String token = JSON.readTree(r.body()).path("token").asText();
        assertTrue(token.matches("[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}"), token);
        String secret = token.substring(17);
        assertTrue(auditLog(hub).find(AuditQuery.all(100)).entries().stream()
                .noneMatch(e -> e.details().values().stream().anyMatch(v -> v.contains(secret))));
    }

    @Test
    void viewerCannotDecideAndAnonymousCannotList() throws Exception {
        DeviceIdentity k = TestDevices.unenrolled(dir.resolve("kiosks"), KioskAddress.of(SITE, "accueil-3"), clock);
        EnrolmentView pending = hub.enrolments().submit(k.enrolmentRequest(Optional.empty()), FROM);

        assertEquals(403, send(viewer, "POST", "/api/v1/enrolments/" + pending.id() + "/reject",
                Map.of("reason", "no")).statusCode());
        assertEquals(401, send(null, "GET", "/api/v1/enrolments", null).statusCode());
        assertEquals(EnrolmentStatus.PENDING, hub.enrolments().find(pending.id()).status());
    }
}

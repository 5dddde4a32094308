package fr.vigie.hub;

import static fr.vigie.hub.HubServicesFixture.auditAnchor;
import static fr.vigie.hub.HubServicesFixture.auditLog;
import static fr.vigie.hub.HubServicesFixture.staffDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditCategory;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditVerifyClient;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.testing.AuditTampering;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log through the hub's REST API, and the verification {@code ./vigie admin audit verify}
 * runs ({@link AuditVerifyClient}) finding a row changed, then one deleted, with SQL; and a chain
 * rebuilt consistently, then cut short, by a database superuser, found against the head the hub
 * exported outside the database.
 */
class AuditApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static EdgeHub hub;
    static StaffClient staff;
    static String adminToken;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false")),
                MutableClock.followingSystemTime());
        adminToken = staffDirectory(hub).tokens().issue("admin", StaffRole.ADMIN, "audit verify", "test").token();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void listingFiltersAndVerifyDetectsAChangedThenARemovedEntry() throws Exception {
        emptyLogAndAnchors();
        for (int i = 1; i <= 4; i++) {
            auditLog(hub).append(AuditEntry.of(i % 2 == 0 ? "bob" : "alice", "DEVICE_REVOKED", "kiosk:s/k-" + i,
                    Map.of("reason", "test " + i)));
        }
        staff = StaffClient.firstAdmin(hub.httpUri(), dataDir); // audited as entry 5
        JsonNode byBob = JSON.readTree(get("/api/v1/audit?actor=bob&limit=1").body());
        assertEquals(1, byBob.get("entries").size());
        assertEquals("kiosk:s/k-2", byBob.at("/entries/0/subject").asText());
        assertEquals("2", byBob.get("next").asText());
        assertEquals(400, get("/api/v1/audit?colour=red").statusCode());

        // a category of the console's select: the entries whose action is one of its codes, with the other filters
        auditLog(hub).append(AuditEntry.of("staff:carol", "IDENTITY_MERGED", "identity:7", Map.of("flag", "1")));
        auditLog(hub).append(AuditEntry.of("staff:carol", "ENROL_APPROVED", "kiosk:s/k-9", Map.of("by", "carol")));
        JsonNode identities = JSON.readTree(get("/api/v1/audit?category=identities").body());
        assertEquals(1, identities.get("entries").size(), identities.toString());
        assertEquals("IDENTITY_MERGED", identities.at("/entries/0/action").asText());
        JsonNode enrolment = JSON.readTree(get("/api/v1/audit?category=enrolment").body());
        assertEquals(5, enrolment.get("entries").size(), enrolment.toString());
        enrolment.get("entries").forEach(e -> assertTrue(AuditCategory.ENROLMENT.actions().contains(e.get("action").asText())));
        assertEquals("ENROL_APPROVED", enrolment.at("/entries/4/action").asText());
        assertEquals(2, JSON.readTree(get("/api/v1/audit?category=enrolment&actor=bob").body()).get("entries").size());
        assertEquals(0, JSON.readTree(get("/api/v1/audit?category=staff").body()).get("entries").size());
        HttpResponse<String> unknown = get("/api/v1/audit?category=Connexions");
        assertEquals(400, unknown.statusCode());
        assertEquals("INVALID_PARAMETER", JSON.readTree(unknown.body()).get("error").asText(), unknown.body());
        assertEquals("category", JSON.readTree(unknown.body()).get("parameter").asText(), unknown.body());

        assertEquals(AuditVerifyClient.INTACT, verify(new StringBuilder()));
        JsonNode audited = JSON.readTree(get("/api/v1/audit?action=AUDIT_VERIFIED").body());
        assertEquals("admin", audited.at("/entries/0/actor").asText(), "the staff login behind the API token");

        tamper("UPDATE audit_log SET details = '{\"reason\":\"nothing to see\"}' WHERE seq = 3");
        StringBuilder out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_ENTRY_CHANGED at position 3"), out.toString());

        tamper("UPDATE audit_log SET details = '{\"reason\":\"test 3\"}' WHERE seq = 3", "DELETE FROM audit_log WHERE seq = 2");
        out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_ENTRY_REMOVED at position 2"), out.toString());
    }

    @Test
    void aChainRebuiltInSqlByASuperuserIsCaughtByVerifyAgainstTheHeadTheHubExported() throws Exception {
        emptyLogAndAnchors();
        for (int i = 1; i <= 4; i++) {
            auditLog(hub).append(AuditEntry.of("alice", "DEVICE_REVOKED", "kiosk:s/k-" + i, Map.of("reason", "test " + i)));
        }
        // the periodic export runs (the test does not wait for the period)
        assertEquals(AuditAnchor.Export.EXPORTED, auditAnchor(hub).export());
        StringBuilder out = new StringBuilder();
        assertEquals(AuditVerifyClient.INTACT, verify(out));
        assertTrue(out.toString().contains("matches the head exported at"), out.toString());
        assertTrue(out.toString().contains("(entry 4 "), out.toString());

        // a database superuser edits entry 2 and recomputes every hash after it, the head row included
        AuditTampering.editAndRebuild(hub.dataSource(),
                "UPDATE audit_log SET details = '{\"reason\":\"nothing to see\"}' WHERE seq = 2");
        assertTrue(auditLog(hub).verify().intact(), "the rebuilt chain is consistent in itself");

        out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_ANCHOR_MISMATCH at position 4"), out.toString());
        assertEquals(AuditAnchor.Export.REFUSED, auditAnchor(hub).export(), "the hub does not anchor the rewrite");

        // and cutting the chain back below the exported head is caught as truncation
        AuditTampering.editAndRebuild(hub.dataSource(), "DELETE FROM audit_log WHERE seq >= 3");
        out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_CHAIN_TRUNCATED at position 3"), out.toString());
    }

    /** Starts a test from an empty log and no exported head: each test tampers with the one log of the class's hub. */
    private static void emptyLogAndAnchors() throws Exception {
        AuditTampering.sql(hub.dataSource(), "TRUNCATE audit_log",
                "UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)");
        Files.deleteIfExists(dataDir.resolve(AuditAnchor.FILE));
    }

    private static int verify(StringBuilder printed) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = AuditVerifyClient.run(hub.httpUri(), adminToken, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed.append(bytes.toString(StandardCharsets.UTF_8));
        return status;
    }

    private static void tamper(String... statements) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            for (String q : statements) {
                s.execute(q);
            }
            s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return staff.get(path);
    }
}

package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditVerifyClient;
import fr.vigie.hub.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * runs ({@link AuditVerifyClient}) finding a row changed, then one deleted, with SQL.
 */
class AuditApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static EdgeHub hub;

    @BeforeAll
    static void startHub() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false")),
                ManualClock.followingSystemTime());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void listingFiltersAndVerifyDetectsAChangedThenARemovedEntry() throws Exception {
        for (int i = 1; i <= 4; i++) {
            hub.audit().append(AuditEntry.of(i % 2 == 0 ? "bob" : "alice", "DEVICE_REVOKED", "kiosk:s/k-" + i,
                    Map.of("reason", "test " + i)));
        }
        JsonNode byBob = JSON.readTree(get("/api/v1/audit?actor=bob&limit=1").body());
        assertEquals(1, byBob.get("entries").size());
        assertEquals("kiosk:s/k-2", byBob.at("/entries/0/subject").asText());
        assertEquals("2", byBob.get("next").asText());
        assertEquals(400, get("/api/v1/audit?colour=red").statusCode());

        assertEquals(AuditVerifyClient.INTACT, verify(new StringBuilder()));
        JsonNode audited = JSON.readTree(get("/api/v1/audit?action=AUDIT_VERIFIED").body());
        assertEquals("unknown", audited.at("/entries/0/actor").asText(), "no staff sign-in yet: actor unknown");

        tamper("UPDATE audit_log SET details = '{\"reason\":\"nothing to see\"}' WHERE seq = 3");
        StringBuilder out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_ENTRY_CHANGED at position 3"), out.toString());

        tamper("UPDATE audit_log SET details = '{\"reason\":\"test 3\"}' WHERE seq = 3", "DELETE FROM audit_log WHERE seq = 2");
        out = new StringBuilder();
        assertEquals(AuditVerifyClient.BROKEN, verify(out));
        assertTrue(out.toString().contains("AUDIT_ENTRY_REMOVED at position 2"), out.toString());
    }

    private static int verify(StringBuilder printed) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = AuditVerifyClient.run(hub.httpUri(), null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
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
        return HTTP.send(HttpRequest.newBuilder(hub.httpUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

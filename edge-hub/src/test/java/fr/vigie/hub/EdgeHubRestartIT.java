package fr.vigie.hub;

import static fr.vigie.hub.HubServicesFixture.auditAnchor;
import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditVerification;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.hub.testing.Events;
import fr.vigie.hub.testing.KioskClients;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a hub restart on the same data directory and ports: the events already stored (embedded
 * PostgreSQL keeps its data) and the events the broker queued for the hub's persistent session while
 * ingest was not running (embedded HiveMQ keeps its sessions on disk); the audit chain head exported at
 * the stop, which the next start verifies against.
 */
class EdgeHubRestartIT {
    private static final KioskAddress KIOSK = KioskAddress.of("it-restart", "kiosk-1");

    @TempDir
    Path dataDir;

    @Test
    void storedEventsAndEventsQueuedWhileIngestWasStoppedSurviveRestarts() throws Exception {
        Map<String, String> settings = Map.of(HubConfig.DATA_DIR, dataDir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, Integer.toString(FreePort.onLoopback()),
                HubPkiConfig.MQTT_TLS_PORT, Integer.toString(FreePort.onLoopback()), HubPkiConfig.SITE, KIOSK.site());
        HubConfig config = HubConfig.load(null, settings);

        // given a hub that stored 3 events and then stopped (its broker session now exists)
        try (EdgeHub hub = EdgeHub.start(config)) {
            publish(hub, 1, 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> storedCount(hub) == 3);
        }

        // when it comes back without ingest, 4 more events are published and queued by the broker, and it stops
        // (after an audited action: stopping exports the audit chain head)
        long auditHead;
        try (EdgeHub hub = EdgeHub.start(config.withIngestEnabled(false))) {
            assertEquals(3, storedCount(hub), "the database came back with its data");
            publish(hub, 4, 7);
            auditLog(hub).append(AuditEntry.of("it", "COMMAND_SENT", AuditEntry.kiosk(KIOSK)));
            auditHead = auditLog(hub).verify().headSeq();
        }
        List<String> anchors = Files.readAllLines(dataDir.resolve("hub").resolve(AuditAnchor.FILE));
        assertTrue(anchors.get(anchors.size() - 1).contains(" seq=" + auditHead + " "), anchors.toString());

        // then the next start with ingest receives what the broker kept for it, and its audit log still
        // matches the head exported at the last stop
        try (EdgeHub hub = EdgeHub.start(config)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> storedCount(hub) == 7);
            assertEquals(7, maxSeq(hub));
            AuditVerification v = auditAnchor(hub).verify();
            assertTrue(v.intact(), v.describe());
            assertEquals(auditHead, v.anchor().seq());
        }
    }

    private void publish(EdgeHub hub, int fromSeq, int toSeq) throws Exception {
        try (KioskClients kiosks = new KioskClients(hub, dataDir.resolve("kiosk"))) {
            for (int seq = fromSeq; seq <= toSeq; seq++) {
                kiosks.publish(KIOSK, Topics.event(KIOSK), Events.CODEC.encode(Events.demo(KIOSK, seq, Instant.now())),
                        false);
            }
        }
    }

    private static long storedCount(EdgeHub hub) throws Exception {
        return query(hub, "SELECT count(*) FROM events WHERE site = ?");
    }

    private static long maxSeq(EdgeHub hub) throws Exception {
        return query(hub, "SELECT max(seq) FROM events WHERE site = ?");
    }

    private static long query(EdgeHub hub, String sql) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, KIOSK.site());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

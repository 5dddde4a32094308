package fr.vigie.hub;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.testing.LegacyHubData;
import fr.vigie.protocol.KioskAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start on the data directory of an earlier hub (PostgreSQL trusting every local
 * connection, directories open to everyone, the ingest session kept under a client id derived from
 * the public instance id, with events the broker queued for it) closes everything and loses nothing;
 * a secret that others can read stops the hub with a message naming the file and the fix.
 */
class HubUpgradeIT {
    private static final KioskAddress KIOSK = KioskAddress.of("demo", "k-legacy");
    private static final int QUEUED = 300;

    @TempDir
    Path dir;

    @Test
    void earlierDataDirectoryIsClosedAndTheEventsQueuedForTheFormerSessionAreStoredOnce() throws Exception {
        Path data = dir.resolve("hub");
        List<String> queued = LegacyHubData.hub(data, KIOSK, QUEUED);

        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, data.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0")))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> storedIds(hub).size() >= QUEUED);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !Files.exists(data.resolve(HubDataDirectory.FORMER_INGEST_SESSION)));

            List<String> stored = storedIds(hub);
            assertEquals(QUEUED, stored.size());
            assertEquals(new HashSet<>(queued), new HashSet<>(stored), "every queued event, once");
            assertEquals(1, count(hub, "SELECT count(*) FROM events WHERE event_id = '" + LegacyHubData.EVENT_ID + "'"));
            assertFalse(formerSessionStillOnTheBroker(hub), "the former session was ended on the broker");
            for (String d : List.of("", "broker", "broker/data", "postgres", "postgres/data", "site-ca")) {
                assertEquals("rwx------", mode(data.resolve(d)), "directory " + d);
            }
            assertEquals("rw-------", mode(data.resolve(HubMqttCredentials.FILE)));
            assertTrue(Files.exists(data.resolve("hub-instance-id")), "the public instance id stays");
        }
    }

    @Test
    void aSecretOthersCanReadStopsTheHubNamingTheFileAndTheFix() throws Exception {
        Path data = dir.resolve("open");
        Files.createDirectories(data);
        Path passphrase = data.resolve("site-ca.passphrase");
        Files.writeString(passphrase, "x".repeat(43));
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-r--r--"));

        Exception e = assertThrows(HubFilePermissions.InsecureFileException.class, () -> EdgeHub.start(HubConfig.load(null,
                Map.of(HubConfig.DATA_DIR, data.toString(), HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0"))));

        assertTrue(e.getMessage().contains(passphrase.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600 " + passphrase), e.getMessage());
        assertFalse(Files.exists(data.resolve("postgres")), "nothing started");
    }

    /** Whether the broker still holds a session for the earlier hub's ingest client id. */
    private static boolean formerSessionStillOnTheBroker(EdgeHub hub) throws Exception {
        MqttClient probe = new MqttClient(hub.mqttUrl(), "vigie-hub-" + LegacyHubData.INSTANCE_ID, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        hub.mqttCredentials().applyTo(o);
        o.setCleanStart(false);
        o.setSessionExpiryInterval(0L);
        try {
            return probe.connectWithResult(o).getSessionPresent();
        } finally {
            probe.disconnect();
            probe.close();
        }
    }

    private static List<String> storedIds(EdgeHub hub) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = hub.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT event_id FROM events WHERE kiosk_id = ?")) {
            ps.setString(1, KIOSK.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long count(EdgeHub hub, String sql) throws Exception {
        try (Connection c = hub.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

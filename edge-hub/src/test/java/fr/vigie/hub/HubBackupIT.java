package fr.vigie.hub;

import static fr.vigie.hub.HubServicesFixture.auditAnchor;
import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditVerification;
import fr.vigie.hub.broker.DeviceAccessPolicy;
import fr.vigie.hub.backup.BackupRetention;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.hub.enrol.EnrolmentView;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.testing.Events;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.RootPin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie hub backup} of a running hub, then {@code vigie hub restore} into a fresh data directory: the
 * restored hub has the same root CA, the same patient identities and an audit chain that verifies against the
 * anchors it exported, and a kiosk enrolled before the backup (through the enrolment protocol, root pinned)
 * reconnects over mutual TLS without enrolling again and its events are stored. On the way, a backup of the
 * stopped hub into a daily folder with pruning, and the refusals that must write nothing: a wrong passphrase, a flipped byte, a data directory that holds a hub. One hub start
 * before, one after.
 */
class HubBackupIT {
    private static final String SITE = "it-backup";
    private static final KioskAddress KIOSK = KioskAddress.of(SITE, "accueil-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRestoredHubHasTheSameIdentitiesAuditChainAndRootAndItsKioskReconnects() throws Exception {
        Path before = dir.resolve("hub-before");
        Path after = dir.resolve("hub-after");
        Path archive = dir.resolve("backups").resolve("hub" + fr.vigie.hub.backup.HubArchive.SUFFIX);
        Files.createDirectories(archive.getParent());
        Path passphrase = secretFile("backup.passphrase", "a site backup passphrase, kept offline");
        Clock clock = Clock.systemUTC();

        // given a running hub with a kiosk enrolled through the enrolment protocol, its first event stored, a
        // patient identity and audited actions
        String root;
        IdentityRecord identity;
        long auditHead;
        DeviceIdentity kiosk = TestDevices.unenrolled(dir.resolve("kiosk"), KIOSK, clock);
        try (EdgeHub hub = EdgeHub.start(config(before), clock)) {
            root = hub.siteCa().rootFingerprint();
            EnrolmentView pending = hub.enrolments().submit(kiosk.enrolmentRequest(Optional.empty()), "192.0.2.10");
            hub.enrolments().approve(pending.id(), kiosk.enrolmentCode(), "it-admin");
            kiosk.installCertificateChain(enrolmentResult(hub, root, pending));
            publishAs(hub, kiosk, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(hub) == 1);
            identity = hub.identities().create(TraitsInput.of("Lefèvre", "Anne-Sophie Claire", "F", "1997-02-14"),
                    "it-agent").record();
            auditLog(hub).append(AuditEntry.of("it-admin", "COMMAND_SENT", AuditEntry.kiosk(KIOSK)));
            auditHead = auditLog(hub).verify().headSeq();

            // when it is backed up while it runs (the daily timer's case)
            Run backup = run("backup", "--data", before.toString(), "--set", "hub.site=" + SITE, "--passphrase-file",
                    passphrase.toString(), "--output", archive.toString());
            assertEquals(0, backup.exit, backup.err);
            assertTrue(backup.out.startsWith("VIGIE-HUB BACKUP file=" + archive) && backup.out.contains(" hub=running"),
                    backup.out);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
            assertEquals("HUB_BACKED_UP", auditLog(hub).latest("hub:" + SITE, List.of("HUB_BACKED_UP"), 1).get(0).action());
        }

        // and a stopped hub is backed up too (its database started for the dump), the daily way: named by time,
        // the older backups of the folder pruned
        Path daily = Files.createDirectories(dir.resolve("daily"));
        Path old = Files.copy(archive, daily.resolve(BackupRetention.fileName(SITE, Instant.parse("2026-01-01T02:30:00Z"))));
        Run stopped = run("backup", "--data", before.toString(), "--set", "hub.site=" + SITE, "--passphrase-file",
                passphrase.toString(), "--output-dir", daily.toString(), "--keep", "1");
        assertEquals(0, stopped.exit, stopped.err);
        assertTrue(stopped.out.contains(" hub=stopped pruned=1"), stopped.out);
        assertFalse(Files.exists(old));
        try (Stream<Path> kept = Files.list(daily)) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().startsWith("vigie-hub-" + SITE + "-")).count());
        }

        // then what must write nothing is refused: a wrong passphrase, a flipped byte, a data directory in use
        Path wrong = secretFile("wrong.passphrase", "not the passphrase of this backup");
        Run refused = run("restore", "--input", archive.toString(), "--passphrase-file", wrong.toString(), "--data",
                after.toString(), "--set", "hub.site=" + SITE);
        assertEquals(1, refused.exit);
        assertTrue(refused.err.contains("PASSPHRASE_WRONG"), refused.err);
        assertFalse(Files.exists(after), "nothing written");

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 100] ^= 0x10; // in the last chunk: the database dump is being restored when it is found
        Path flipped = Files.write(dir.resolve("flipped" + fr.vigie.hub.backup.HubArchive.SUFFIX), bytes);
        refused = run("restore", "--input", flipped.toString(), "--passphrase-file", passphrase.toString(), "--data",
                after.toString(), "--set", "hub.site=" + SITE);
        assertEquals(1, refused.exit);
        assertTrue(refused.err.contains("ARCHIVE_TAMPERED"), refused.err);
        assertFalse(Files.exists(after), "nothing written, the database restored so far removed");

        refused = run("restore", "--input", archive.toString(), "--passphrase-file", passphrase.toString(), "--data",
                before.toString(), "--set", "hub.site=" + SITE);
        assertEquals(1, refused.exit);
        assertTrue(refused.err.contains("DATA_DIR_NOT_EMPTY"), refused.err);

        // when it is restored into a fresh machine's data directory, where the package's first start left an empty
        // hub (replaced with --force, once the restore succeeded)
        Files.createDirectories(after.resolve("site-ca"));
        Files.writeString(after.resolve("site-ca").resolve("ca-chain.pem"), "the fresh install's own CA\n");
        refused = run("restore", "--input", archive.toString(), "--passphrase-file", passphrase.toString(), "--data",
                after.toString(), "--set", "hub.site=" + SITE);
        assertTrue(refused.exit == 1 && refused.err.contains("DATA_DIR_NOT_EMPTY"), refused.err);
        Run restore = run("restore", "--input", archive.toString(), "--passphrase-file", passphrase.toString(),
                "--data", after.toString(), "--set", "hub.site=" + SITE, "--force");
        assertEquals(0, restore.exit, restore.err);
        assertTrue(restore.out.startsWith("VIGIE-HUB RESTORED data=" + after.toAbsolutePath()), restore.out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                after.resolve("site-ca").resolve("site-ca.p12"))));
        try (Stream<Path> left = Files.list(after)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(HubRestore.STAGING_PREFIX)));
        }

        // then the restored hub has the same root, identities and audit chain, and the kiosk comes back
        try (EdgeHub hub = EdgeHub.start(config(after), clock)) {
            assertEquals(root, hub.siteCa().rootFingerprint());
            assertEquals(identity, hub.identities().find(identity.id()).orElseThrow());
            AuditVerification chain = auditAnchor(hub).verify();
            assertTrue(chain.intact(), chain.describe());
            assertTrue(chain.anchor() != null && chain.headSeq() > auditHead, chain.describe());
            assertEquals("HUB_RESTORED", auditLog(hub).latest("hub:" + SITE, List.of("HUB_RESTORED"), 1).get(0).action());
            assertEquals(1, storedEvents(hub), "the event stored before the backup");

            assertEquals(404, enrolmentProgress(hub, root, "00000000-0000-0000-0000-000000000000").statusCode(),
                    "the root the kiosks pinned still opens the device API");
            publishAs(hub, kiosk, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(hub) == 2);
        }
    }

    private HubConfig config(Path dataDir) throws Exception {
        return HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(), HubConfig.HTTP_PORT, "0",
                HubConfig.MQTT_PORT, Integer.toString(FreePort.onLoopback()), HubPkiConfig.MQTT_TLS_PORT,
                Integer.toString(FreePort.onLoopback()), HubPkiConfig.SITE, SITE));
    }

    private Path secretFile(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The certificate chain the kiosk collects once approved, over the enrolment API with the root pinned. */
    private static String enrolmentResult(EdgeHub hub, String root, EnrolmentView pending) throws Exception {
        HttpResponse<String> poll = enrolmentProgress(hub, root, pending.id().toString());
        assertEquals(200, poll.statusCode(), poll.body());
        JsonNode result = JSON.readTree(poll.body()).path("result");
        return result.path("certificateChainPem").asText();
    }

    private static HttpResponse<String> enrolmentProgress(EdgeHub hub, String root, String id) throws Exception {
        return HttpClient.newBuilder().sslContext(RootPin.enrolmentContext(root)).build()
                .send(HttpRequest.newBuilder(hub.deviceApiUri().resolve(EnrolmentApi.PROGRESS.path(id))).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Connects as the kiosk with its own certificate (mutual TLS), publishes one event, disconnects. */
    private static void publishAs(EdgeHub hub, DeviceIdentity kiosk, long seq) throws Exception {
        MqttClient client = new MqttClient(hub.deviceMqttUrl().orElseThrow(), DeviceAccessPolicy.clientIdOf(KIOSK),
                new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSocketFactory(kiosk.sslContext().getSocketFactory());
            client.connect(options);
            MqttMessage m = new MqttMessage(Events.CODEC.encode(Events.demo(KIOSK, seq, Instant.now())));
            m.setQos(1);
            client.publish(Topics.event(KIOSK), m);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private static long storedEvents(EdgeHub hub) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events WHERE site = ?")) {
            ps.setString(1, SITE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HubMaintenanceCommand.run(new ArrayList<>(List.of(args)), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

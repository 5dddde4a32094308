package fr.vigie.system.enrol;

import static fr.vigie.hub.HubServicesFixture.auditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.enrol.EnrolmentView;
import fr.vigie.hub.fleet.DeviceCommand;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.kiosk.enrol.EnrolmentState;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.DeviceSecret;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 end to end on the embedded broker: twenty virtual kiosks enrol over HTTPS — ten approved
 * by IT after comparing the code on the kiosk's screen, ten with one-time bootstrap tokens — get
 * their first signed configuration, and report over MQTT with mutual TLS; one rotates its
 * certificate; one connected kiosk is revoked and is cut off from the broker and the device API.
 */
class EnrolmentIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @Test
    void twentyKiosksEnrolOneRotatesAndARevokedOneIsCutOff() throws Exception {
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE, "hub.mqtt.tls", "true")))) {
            // given ten bootstrap tokens handed to kiosks 001..010, none to 011..020
            Path tokens = Files.createDirectories(tmp.resolve("tokens"));
            for (int i = 1; i <= 10; i++) {
                String id = String.format("kiosk-%03d", i);
                BootstrapToken t = hub.enrolments().issueToken(KioskAddress.of(SITE, id), Duration.ofHours(1), "it-alice");
                Files.writeString(tokens.resolve(id), t.value(), StandardCharsets.US_ASCII);
            }
            KioskConfig base = KioskConfig.load(null, Map.of("kiosk.site", SITE, "kiosk.id", "kiosk",
                    "kiosk.data-dir", tmp.resolve("kiosks").toString(), "kiosk.heartbeat-seconds", "1",
                    "kiosk.mqtt.url", hub.deviceMqttUrl().orElseThrow(), "kiosk.hub.url", hub.deviceApiUri().toString(),
                    "kiosk.hub.ca-fingerprint", hub.siteCa().rootFingerprint(),
                    "kiosk.enrol.token-file", tokens.resolve("{id}").toString()));

            try (VirtualFleet fleet = VirtualFleet.start(20, base)) {
                List<Kiosk> kiosks = fleet.kiosks();

                // when IT approves the ten requests that wait, each with the code its kiosk shows
                await().atMost(PATIENCE).until(() -> hub.enrolments().list(EnrolmentStatus.PENDING, 100).size() == 10);
                for (EnrolmentView pending : hub.enrolments().list(EnrolmentStatus.PENDING, 100)) {
                    Kiosk k = kiosks.get(Integer.parseInt(pending.kioskId().substring(6)) - 1);
                    await().atMost(PATIENCE).until(() -> k.enrolment().orElseThrow().snapshot().phase()
                            == EnrolmentState.Phase.WAITING_FOR_APPROVAL);
                    EnrolmentState.Snapshot screen = k.enrolment().orElseThrow().snapshot();
                    assertEquals(pending.enrolmentCode(), screen.enrolmentCode());
                    hub.enrolments().approve(pending.id(), screen.enrolmentCode(), "it-alice");
                }

                // then all twenty are enrolled and report over mutual TLS
                await().atMost(PATIENCE).until(() -> kiosks.stream().allMatch(Kiosk::connected));
                for (Kiosk k : kiosks) {
                    assertEquals(EnrolmentState.Phase.ENROLLED, k.enrolment().orElseThrow().snapshot().phase());
                    k.accept(new EventPayload.DemoActivity("badge-tap", 1));
                }
                await().atMost(PATIENCE).until(() -> kiosks.stream().allMatch(k -> demoEvents(hub, k.address().kioskId()) == 1));
                assertThat(hub.enrolments().list(EnrolmentStatus.ISSUED, 100)).hasSize(20)
                        .extracting(EnrolmentView::decidedBy).filteredOn(by -> by.startsWith("bootstrap-token:"))
                        .hasSize(10);

                // when IT sends kiosk 003 the rotate-cert command
                Kiosk rotating = kiosks.get(2);
                BigInteger before = serialOf(rotating);
                DeviceCommand sent = hub.fleet().commands().send(rotating.address(), "rotate-cert", Map.of(), "it-alice");

                // then it re-keys, replies, reconnects with the new certificate, and the old one is revoked
                await().atMost(PATIENCE).until(() -> hub.fleet().commands().find(rotating.address(), sent.requestId())
                        .orElseThrow().state().equals("DONE"));
                assertThat(serialOf(rotating)).isNotEqualTo(before);
                assertThat(hub.siteCa().isRevoked(before)).isTrue();
                await().atMost(PATIENCE).until(rotating::connected);
                rotating.accept(new EventPayload.DemoActivity("badge-tap", 2));
                await().atMost(PATIENCE).until(() -> demoEvents(hub, "kiosk-003") == 2);

                // when IT revokes connected kiosk 015
                Kiosk stolen = kiosks.get(14);
                assertThat(stolen.connected()).isTrue();
                hub.enrolments().revoke(stolen.address(), RevocationReason.KEY_COMPROMISE, "it-alice");

                // then the broker cuts it off, refuses it again, and the device API refuses it too
                await().atMost(PATIENCE).until(() -> !stolen.connected());
                assertThrows(MqttException.class, () -> connectAs(hub, stolen));
                HubApiException refused = assertThrows(HubApiException.class, stolen::rotateCertificate);
                assertEquals(DeviceApiError.CERT_REVOKED, refused.error());
                assertThat(kiosks.get(15).connected()).isTrue();
            }

            // and the audit log holds each step
            Map<String, Long> actions = auditLog(hub).find(AuditQuery.all(1000)).entries().stream()
                    .collect(Collectors.groupingBy(AuditRecord::action, Collectors.counting()));
            assertThat(actions).containsEntry("ENROL_APPROVED", 20L).containsEntry("ENROL_REQUESTED", 20L)
                    .containsEntry("BOOTSTRAP_TOKEN_ISSUED", 10L).containsEntry("CERT_ROTATED", 1L)
                    .containsEntry("DEVICE_REVOKED", 1L);
        }
    }

    private static BigInteger serialOf(Kiosk k) throws Exception {
        return identityOf(k).certificateChain().get(0).getSerialNumber();
    }

    /** The kiosk's identity as stored on its disk (the test reads it with the kiosk's own secret). */
    private static DeviceIdentity identityOf(Kiosk k) throws Exception {
        Path data = k.config().dataDir().toAbsolutePath().normalize();
        char[] secret = DeviceSecret.loadOrCreate(data.resolveSibling(data.getFileName() + ".secret"));
        return DeviceIdentity.openOrCreate(data.resolve("identity"), k.address(), secret, Clock.systemUTC());
    }

    private static void connectAs(EdgeHub hub, Kiosk k) throws Exception {
        MqttClient client = new MqttClient(hub.deviceMqttUrl().orElseThrow(),
                "vigie-" + k.address().site() + "-" + k.address().kioskId(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(identityOf(k).sslContext().getSocketFactory());
        o.setConnectionTimeout(10);
        try {
            client.connect(o);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    /** How many demo activity events of this kiosk the hub stored. */
    private static long demoEvents(EdgeHub hub, String kioskId) {
        try (var c = hub.dataSource().getConnection(); var st = c.prepareStatement(
                "SELECT count(*) FROM events WHERE type = 'demo.activity' AND kiosk_id = ?")) {
            st.setString(1, kioskId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

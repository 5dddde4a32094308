package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.testing.HeadlessChromium;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.DeviceSecret;
import java.time.Clock;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * One hub and three kiosks reporting through a real broker — the hub's embedded HiveMQ, or an
 * external Mosquitto process whose security configuration the hub writes — checked through the REST
 * API, /metrics and the console page in a real headless Chromium. The kiosks enrol with bootstrap
 * tokens and report over mutual TLS.
 */
class FleetReportingIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "broker: {0}")
    @ValueSource(strings = {"embedded", "mosquitto"})
    void threeKiosksReportHeartbeatsAndEventsThatTheApiAndConsoleShow(String broker) throws Exception {
        // given a hub on the chosen broker and three kiosks
        MosquittoBroker mosquitto = broker.equals("mosquitto") ? new MosquittoBroker(tmp.resolve("mosquitto")) : null;
        Map<String, String> hubProps = new HashMap<>(Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE));
        if (mosquitto != null) {
            hubProps.putAll(mosquitto.hubSettings());
        }
        List<Kiosk> kiosks = new ArrayList<>();
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, hubProps))) {
            if (mosquitto != null) {
                mosquitto.start(); // after the hub, which writes its configuration
                new HubApi(hub.httpUri(), tmp.resolve("hub")).awaitIngestConnected(PATIENCE);
            }
            Map<String, String> enrolled = EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                    List.of("kiosk-001", "kiosk-002", "kiosk-003", "kiosk-009"));
            for (int i = 1; i <= 3; i++) {
                kiosks.add(Kiosk.start(kioskConfig(enrolled, "kiosk-00" + i, tmp.resolve("kiosk-" + i))));
            }
            HubApi api = new HubApi(hub.httpUri(), tmp.resolve("hub"));

            // when each kiosk accepts ten events
            for (Kiosk k : kiosks) {
                for (int n = 1; n <= 10; n++) {
                    k.accept(new EventPayload.DemoActivity("badge-tap", n));
                }
            }

            // then the hub stores them, once each, and lists the three kiosks online
            await().atMost(PATIENCE).until(() -> api.allEvents("site=" + SITE + "&type=demo.activity").size() == 30);
            for (Kiosk k : kiosks) {
                List<JsonNode> own = api.allEvents("kiosk=" + k.address().kioskId());
                assertThat(own).extracting(e -> e.path("type").asText())
                        .containsOnly("demo.activity", "kiosk.started").hasSize(11);
                assertThat(own).extracting(e -> e.path("eventId").asText()).doesNotHaveDuplicates();
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode devices = api.devices();
                assertThat(devices).hasSize(3);
                devices.forEach(d -> {
                    assertThat(d.path("online").asBoolean()).as("online: %s", d).isTrue();
                    assertThat(d.path("lastHeartbeatAt").asText()).isNotEmpty();
                    assertThat(d.path("eventCount").asLong()).isEqualTo(11);
                });
            });
            assertThat(api.allEvents("type=demo.activity&from=" + Instant.now().plusSeconds(3600))).isEmpty();
            assertThat(api.get("/api/v1/events?from=yesterday").statusCode()).isEqualTo(400);
            assertThat(api.get("/healthz").statusCode()).isEqualTo(200);

            // and the console, in French, lists them live; a kiosk that stops shows offline without a reload
            WebDriver browser = HeadlessChromium.start("fr-FR");
            try {
                ConsoleSignIn.signIn(browser, hub.httpUri() + "/", "admin", HubApi.firstAdminPassword(tmp.resolve("hub")));
                await().atMost(PATIENCE).until(() -> rowStates(browser).size() == 3
                        && rowStates(browser).values().stream().allMatch("En ligne"::equals));
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

                kiosks.remove(2).close();
                await().atMost(PATIENCE).until(() -> "Hors ligne".equals(rowStates(browser).get(SITE + "/kiosk-003")));
                assertThat(rowStates(browser).get(SITE + "/kiosk-001")).isEqualTo("En ligne");

                browser.get(hub.httpUri() + "/?lang=en");
                await().atMost(PATIENCE).until(() -> "Online".equals(rowStates(browser).get(SITE + "/kiosk-001")));
            } finally {
                browser.quit();
            }

            // and malformed or oversized payloads on an event topic are rejected, counted, and ingest goes on
            rejectsGarbageAndGoesOn(hub, api, kioskConfig(enrolled, "kiosk-009", tmp.resolve("kiosk-9")), tmp);

            // and a kiosk revoked by IT is refused by the broker from then on (Mosquitto: the hub pushed the CRL)
            revokedKioskIsRefusedByTheBroker(hub, api, tmp.resolve("kiosk-2"));
        } finally {
            for (Kiosk k : kiosks) {
                k.close();
            }
            if (mosquitto != null) {
                mosquitto.close();
            }
        }
    }

    private static KioskConfig kioskConfig(Map<String, String> enrolled, String id, Path data) throws Exception {
        Map<String, String> settings = new HashMap<>(enrolled);
        settings.put("kiosk.id", id);
        settings.put("kiosk.data-dir", data.toString());
        settings.put("kiosk.heartbeat-seconds", "1");
        return KioskConfig.load(null, settings);
    }

    private static void rejectsGarbageAndGoesOn(EdgeHub hub, HubApi api, KioskConfig lateKiosk, Path tmp) throws Exception {
        KioskAddress kiosk = KioskAddress.of(SITE, "kiosk-009");
        String topic = Topics.event(kiosk);
        double malformedBefore = api.metric("vigie_ingest_messages_rejected_total{code=\"MALFORMED_JSON\"}");
        double oversizeBefore = api.metric("vigie_ingest_messages_rejected_total{code=\"MESSAGE_TOO_LARGE\"}");
        MqttClient raw = RawDevice.connect(hub, tmp, kiosk);
        try {
            raw.publish(topic, "{not json".getBytes(StandardCharsets.UTF_8), 1, false);
            raw.publish(topic, new byte[100 * 1024], 1, false);
            raw.disconnect();
            try (Kiosk late = Kiosk.start(lateKiosk)) {
                late.accept(new EventPayload.DemoActivity("after-garbage", 1));
                await().atMost(PATIENCE).until(() -> api.allEvents("kiosk=kiosk-009&type=demo.activity").size() == 1);
            }
        } finally {
            raw.close();
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(api.metric("vigie_ingest_messages_rejected_total{code=\"MALFORMED_JSON\"}"))
                    .isEqualTo(malformedBefore + 1);
            assertThat(api.metric("vigie_ingest_messages_rejected_total{code=\"MESSAGE_TOO_LARGE\"}"))
                    .isEqualTo(oversizeBefore + 1);
        });
    }

    private static void revokedKioskIsRefusedByTheBroker(EdgeHub hub, HubApi api, Path kioskData) throws Exception {
        KioskAddress kiosk = KioskAddress.of(SITE, "kiosk-002");
        // the kiosk's own key and certificate, as it keeps them: <data>/identity, under the secret <data>.secret
        DeviceIdentity identity = DeviceIdentity.openOrCreate(kioskData.resolve("identity"), kiosk,
                DeviceSecret.loadOrCreate(kioskData.resolveSibling(kioskData.getFileName() + ".secret")),
                Clock.systemUTC());
        assertThat(connects(hub, identity)).as("the kiosk's certificate before revocation").isTrue();

        assertThat(api.send("POST", "/api/v1/devices/" + SITE + "/kiosk-002/revoke", "{}").statusCode()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> !connects(hub, identity));
    }

    private static boolean connects(EdgeHub hub, DeviceIdentity identity) throws Exception {
        MqttClient probe = new MqttClient(hub.deviceMqttUrl().orElseThrow(),
                fr.vigie.hub.broker.DeviceAccessPolicy.clientIdOf(identity.kiosk()), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(identity.sslContext().getSocketFactory());
        options.setConnectionTimeout(10);
        try {
            probe.connect(options);
            probe.disconnect();
            return true;
        } catch (MqttException refused) {
            return false;
        } finally {
            probe.close();
        }
    }

    private static Map<String, String> rowStates(WebDriver browser) {
        Map<String, String> states = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#devices tr[data-kiosk]"))) {
            states.put(row.getAttribute("data-kiosk"), row.findElement(By.cssSelector(".state")).getText().trim());
        }
        return states;
    }
}

package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.EventPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event accepted by a kiosk survives the crash of the kiosk, the crash of the hub and an outage
 * of the broker, until the hub has stored it — exactly once. The kiosks enrol with bootstrap tokens
 * and report over mutual TLS, as on a site.
 */
class NoLossIT {
    private static final String SITE = "chu-sud";
    private static final int BURST = 1000;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BURST_ACCEPTED = Pattern.compile("VIGIE-KIOSK BURST-ACCEPTED \\S+ n=" + BURST);

    @TempDir
    Path tmp;

    private final VigieHome home = VigieHome.locate();

    @Test
    void kioskKilledMidBurstAndRestartedLosesAndDuplicatesNothing() throws Exception {
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE)))) {
            HubApi api = new HubApi(hub.httpUri(), tmp.resolve("hub"));
            List<String> kioskArgs = kioskArgs("kiosk-crash", EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                    List.of("kiosk-crash")));

            // given a kiosk in the middle of a 1,000-event burst
            ChildProcess kiosk = startKiosk(kioskArgs);
            await().atMost(PATIENCE).until(() -> storedBurst(api, "kiosk-crash").size() >= 200);

            // when it is killed with SIGKILL and started again
            kiosk.kill();
            int storedAtCrash = storedBurst(api, "kiosk-crash").size();
            assertThat(storedAtCrash).as("the kill must land mid-burst").isLessThan(BURST);
            try (ChildProcess again = startKiosk(kioskArgs)) {
                again.awaitLine(BURST_ACCEPTED, PATIENCE);

                // then the hub holds exactly the 1,000 events of the burst
                await().atMost(PATIENCE).until(() -> storedBurst(api, "kiosk-crash").size() >= BURST);
                assertExactlyTheBurst(storedBurst(api, "kiosk-crash"));
            }
        }
    }

    @Test
    void hubKilledMidBurstAndRestartedLosesAndDuplicatesNothing() throws Exception {
        int httpPort = FreePort.onLoopback();
        List<String> hubArgs = List.of("--data", tmp.resolve("hub").toString(), "--http-port", String.valueOf(httpPort),
                "--mqtt-port", String.valueOf(FreePort.onLoopback()), "--set", "hub.mqtt.tls-port=" + FreePort.onLoopback(),
                "--set", "hub.device-api.port=" + FreePort.onLoopback(), "--set", "hub.site=" + SITE);
        HubApi api = new HubApi(URI.create("http://127.0.0.1:" + httpPort), tmp.resolve("hub"));

        // given a hub process and a kiosk in the middle of a 1,000-event burst
        ChildProcess hub = startHub(hubArgs);
        Matcher ready = hub.awaitLine(Demo.HUB_READY, Duration.ofSeconds(1));
        String token = JSON.readTree(api.send("POST", "/api/v1/enrolments/tokens",
                "{\"kioskId\":\"kiosk-steady\",\"ttlHours\":1}").body()).path("token").asText();
        Path tokenFile = tmp.resolve("kiosk-steady.token");
        Files.writeString(tokenFile, token);
        try (ChildProcess kiosk = startKiosk(kioskArgs("kiosk-steady", EnrolledKiosks.settings(SITE, ready.group(3),
                ready.group(4), tokenFile, ready.group(5))))) {
            await().atMost(PATIENCE).until(() -> {
                List<JsonNode> stored = storedBurstOrNull(api, "kiosk-steady");
                return stored != null && stored.size() >= 200;
            });

            // when the hub process is killed with SIGKILL and started again on the same data
            hub.kill();
            hub = startHub(hubArgs);

            // then the hub ends up with exactly the 1,000 events of the burst
            kiosk.awaitLine(BURST_ACCEPTED, PATIENCE);
            await().atMost(PATIENCE).until(() -> {
                List<JsonNode> stored = storedBurstOrNull(api, "kiosk-steady");
                return stored != null && stored.size() >= BURST;
            });
            assertExactlyTheBurst(storedBurst(api, "kiosk-steady"));
        } finally {
            hub.close();
        }
    }

    @Test
    void brokerUnreachableFor30sKioskBuffersThenDrainsInOrder() throws Exception {
        MosquittoBroker mosquitto = new MosquittoBroker(tmp.resolve("mosquitto"));
        Map<String, String> hubSettings = new HashMap<>(mosquitto.hubSettings());
        hubSettings.putAll(Map.of("hub.data-dir", tmp.resolve("hub").toString(), "hub.http.port", "0", "hub.site", SITE));
        try (MosquittoBroker broker = mosquitto;
                EdgeHub hub = EdgeHub.start(HubConfig.load(null, hubSettings));
                Kiosk kiosk = Kiosk.start(kioskConfig(hub, broker))) {
            HubApi api = new HubApi(hub.httpUri(), tmp.resolve("hub"));
            await().atMost(PATIENCE).until(kiosk::connected);
            for (int i = 1; i <= 100; i++) {
                kiosk.accept(new EventPayload.DemoActivity("before-outage", i));
            }
            await().atMost(PATIENCE).until(() -> storedBurst(api, "kiosk-outage").size() == 100);

            // when the broker is unreachable for 30 s while the kiosk keeps accepting events
            broker.stop();
            long outageStart = System.nanoTime();
            await().atMost(PATIENCE).until(() -> !kiosk.connected());
            for (int i = 101; i <= 600; i++) {
                kiosk.accept(new EventPayload.DemoActivity("during-outage", i));
            }
            // then it buffers them durably
            assertThat(kiosk.outboxDepth()).isGreaterThanOrEqualTo(500);
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
            assertThat(kiosk.outboxDepth()).isGreaterThanOrEqualTo(500);
            assertThat(storedBurst(api, "kiosk-outage")).hasSize(100);
            broker.start();

            // and when the broker is back it drains them, in the order it accepted them
            await().atMost(PATIENCE).until(() -> kiosk.outboxDepth() == 0);
            await().atMost(PATIENCE).until(() -> storedBurst(api, "kiosk-outage").size() == 600);
            List<JsonNode> inArrivalOrder = api.allEvents("kiosk=kiosk-outage");
            List<Long> seqs = inArrivalOrder.stream().map(e -> e.path("seq").asLong()).collect(Collectors.toList());
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(storedBurst(api, "kiosk-outage")).extracting(e -> e.path("payload").path("burstIndex").asLong())
                    .doesNotHaveDuplicates().hasSize(600);
        }
    }

    /**
     * The enrolled kiosk of the outage test, once the broker the hub looks after is up and the hub's
     * ingest subscribed on it (a fresh broker keeps nothing for a hub that never subscribed).
     */
    private KioskConfig kioskConfig(EdgeHub hub, MosquittoBroker broker) throws Exception {
        broker.start();
        new HubApi(hub.httpUri(), tmp.resolve("hub")).awaitIngestConnected(PATIENCE);
        Map<String, String> settings = new HashMap<>(EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                List.of("kiosk-outage")));
        settings.putAll(Map.of("kiosk.id", "kiosk-outage", "kiosk.data-dir", tmp.resolve("kiosk").toString(),
                "kiosk.heartbeat-seconds", "1"));
        return KioskConfig.load(null, settings);
    }

    /** A kiosk process bursting 1,000 events, enrolled with {@code enrolled} (written to its config file). */
    private List<String> kioskArgs(String kioskId, Map<String, String> enrolled) throws IOException {
        Path config = tmp.resolve(kioskId + ".properties");
        StringBuilder properties = new StringBuilder();
        enrolled.forEach((k, v) -> properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(config, properties);
        return List.of("--config", config.toString(), "--kiosk-id", kioskId, "--data", tmp.resolve(kioskId).toString(),
                "--heartbeat", "2", "--burst", String.valueOf(BURST), "--rate", "250");
    }

    private ChildProcess startKiosk(List<String> args) throws Exception {
        ChildProcess p = ChildProcess.start("kiosk", home.javaCommand(VigieHome.KIOSK_MODULE, VigieHome.KIOSK_MAIN, args),
                tmp, System.out);
        p.awaitLine(Pattern.compile("VIGIE-KIOSK READY"), Duration.ofMinutes(1));
        return p;
    }

    private ChildProcess startHub(List<String> args) throws Exception {
        ChildProcess p = ChildProcess.start("hub", home.javaCommand(VigieHome.HUB_MODULE, VigieHome.HUB_MAIN, args),
                tmp, System.out);
        p.awaitLine(Demo.HUB_READY, Duration.ofMinutes(2));
        return p;
    }

    private static List<JsonNode> storedBurst(HubApi api, String kioskId) throws Exception {
        return api.allEvents("kiosk=" + kioskId + "&type=demo.activity");
    }

    private static List<JsonNode> storedBurstOrNull(HubApi api, String kioskId) {
        return api.allEventsOrNull("kiosk=" + kioskId + "&type=demo.activity");
    }

    private static void assertExactlyTheBurst(List<JsonNode> stored) {
        assertThat(stored).hasSize(BURST);
        assertThat(stored).extracting(e -> e.path("eventId").asText()).doesNotHaveDuplicates();
        assertThat(stored).extracting(e -> e.path("payload").path("burstIndex").asLong())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, BURST).boxed()
                        .collect(Collectors.toList()));
    }
}

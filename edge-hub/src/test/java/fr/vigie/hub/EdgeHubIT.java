package fr.vigie.hub;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.testing.Events;
import fr.vigie.hub.testing.KioskClients;
import fr.vigie.hub.testing.StaffClient;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.Topics;
import fr.vigie.testing.MetricsExposition;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub for real: embedded PostgreSQL and HiveMQ on free ports in a temporary directory, kiosks
 * played by plain Paho MQTT 5 clients holding certificates of the hub's site CA (mutual TLS, the only
 * way onto the hub's broker), and every assertion made through the hub's HTTP surface.
 */
class EdgeHubIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();

    @TempDir
    static Path dataDir;
    private static final String SITE = "it-hub";
    static EdgeHub hub;
    static KioskClients kiosks;
    static StaffClient staff;

    @BeforeAll
    static void startHub() throws Exception {
        HubConfig config = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubPkiConfig.SITE, SITE));
        hub = EdgeHub.start(config, CLOCK);
        staff = StaffClient.firstAdmin(hub.httpUri(), dataDir.resolve("hub"));
        kiosks = new KioskClients(hub, dataDir.resolve("kiosks"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosks != null) {
            kiosks.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void eventPublishedTwiceIsStoredOnceAndRegistersItsKiosk() throws Exception {
        KioskAddress k = KioskAddress.of(SITE, "dup-1");
        EventEnvelope first = Events.demo(k, 1, Instant.now());
        long duplicatesBefore = metric("vigie_ingest_events_duplicate_total");

        publish(Topics.event(k), Events.CODEC.encode(first));
        publish(Topics.event(k), Events.CODEC.encode(Events.demo(k, 2, Instant.now())));
        publish(Topics.event(k), Events.CODEC.encode(first));

        await().atMost(PATIENCE).until(() -> metric("vigie_ingest_events_duplicate_total") > duplicatesBefore);
        JsonNode page = getJson("/api/v1/events?site=" + SITE + "&kiosk=dup-1");
        assertEquals(2, page.get("events").size());
        JsonNode stored = page.get("events").get(0);
        assertEquals(first.eventId().toString(), stored.get("eventId").asText());
        assertEquals("dup-1", stored.get("kioskId").asText());
        assertEquals(1, stored.get("seq").asLong());
        assertEquals("demo.activity", stored.get("type").asText());
        assertEquals("badge-tap", stored.get("payload").get("action").asText());
        assertNotNull(stored.get("storedAt").asText());
        JsonNode device = device(SITE, "dup-1");
        assertEquals(2, device.get("eventCount").asLong());
        assertEquals("UNKNOWN", device.get("state").asText());
        assertFalse(device.get("online").asBoolean(), "no heartbeat yet");
    }

    @Test
    void filtersAndPagingSelectEventsInArrivalOrder() throws Exception {
        KioskAddress a = KioskAddress.of(SITE, "filter-a");
        KioskAddress b = KioskAddress.of(SITE, "filter-b");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        publish(Topics.event(a), Events.CODEC.encode(Events.started(a, 1, t0)));
        for (int i = 2; i <= 5; i++) {
            publish(Topics.event(a), Events.CODEC.encode(Events.demo(a, i, t0.plusSeconds(i))));
        }
        publish(Topics.event(b), Events.CODEC.encode(Events.demo(b, 1, t0)));
        await().atMost(PATIENCE).until(() -> getJson("/api/v1/events?kiosk=filter-a").get("events").size() == 5
                && getJson("/api/v1/events?kiosk=filter-b").get("events").size() == 1);

        assertEquals(List.of(1L), seqs(getJson("/api/v1/events?kiosk=filter-a&type=kiosk.started")));
        assertEquals(List.of(3L, 4L), seqs(getJson("/api/v1/events?kiosk=filter-a&from=" + t0.plusSeconds(3)
                + "&to=" + t0.plusSeconds(5))));
        assertEquals(List.of(1L), seqs(getJson("/api/v1/events?site=" + SITE + "&kiosk=filter-b")));
        assertEquals(List.of(), seqs(getJson("/api/v1/events?site=another-site&kiosk=filter-b")));
        List<String> kiosksOfSite = new ArrayList<>();
        getJson("/api/v1/events?site=" + SITE + "&limit=1000").get("events").forEach(e -> {
            assertEquals(SITE, e.get("site").asText());
            kiosksOfSite.add(e.get("kioskId").asText());
        });
        assertTrue(kiosksOfSite.containsAll(List.of("filter-a", "filter-b")), kiosksOfSite.toString());

        JsonNode first = getJson("/api/v1/events?kiosk=filter-a&limit=2");
        assertEquals(List.of(1L, 2L), seqs(first));
        JsonNode second = getJson("/api/v1/events?kiosk=filter-a&limit=2&after=" + first.get("next").asText());
        assertEquals(List.of(3L, 4L), seqs(second));
        JsonNode last = getJson("/api/v1/events?kiosk=filter-a&limit=2&after=" + second.get("next").asText());
        assertEquals(List.of(5L), seqs(last));
        assertTrue(last.get("next").isNull(), "no page after the last one");
        String secondId = first.get("events").get(1).get("eventId").asText();
        assertEquals(List.of(3L, 4L, 5L), seqs(getJson("/api/v1/events?kiosk=filter-a&after=" + secondId)));
    }

    @Test
    void badFilterValuesAnswer400NamingTheParameter() throws Exception {
        String[][] cases = {{"limit=0", "limit"}, {"limit=abc", "limit"}, {"from=yesterday", "from"},
            {"to=2025-02-30T00:00:00Z", "to"}, {"kiosk=KIOSK_1", "kiosk"}, {"site=a%2Fb", "site"},
            {"type=demo.nope", "type"}, {"after=zzz", "after"}, {"after=01962f1c-9a3b-7cde-8f01-23456789abcd", "after"},
            {"kioskId=x", "kioskId"}};
        for (String[] c : cases) {
            HttpResponse<String> r = get("/api/v1/events?" + c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("INVALID_PARAMETER", body.get("error").asText(), c[0]);
            assertEquals(c[1], body.get("parameter").asText(), c[0]);
            assertFalse(body.get("message").asText().isBlank(), c[0]);
        }
    }

    @Test
    void kioskIsOnlineAfterItsHeartbeatAndOfflineAfterItsLastWill() throws Exception {
        KioskAddress k = KioskAddress.of(SITE, "status-1");
        publishRetained(Topics.status(k), Events.CODEC.encode(
                Events.status(k, KioskStatus.State.ONLINE, CLOCK.instant(), 60)));

        await().atMost(PATIENCE).until(() -> deviceOrNull(SITE, "status-1") != null
                && device(SITE, "status-1").get("online").asBoolean());
        JsonNode online = device(SITE, "status-1");
        assertEquals("ONLINE", online.get("state").asText());
        assertEquals("1.4.0", online.get("softwareVersion").asText());
        assertEquals(7, online.get("outboxDepth").asLong());
        assertNotNull(online.get("lastHeartbeatAt").asText());

        publishRetained(Topics.status(k), Events.CODEC.encode(
                Events.status(k, KioskStatus.State.OFFLINE, CLOCK.instant(), 60)));

        await().atMost(PATIENCE).until(() -> !device(SITE, "status-1").get("online").asBoolean());
        assertEquals("OFFLINE", device(SITE, "status-1").get("state").asText());
    }

    @Test
    void heartbeatFleetFactsShowInTheDeviceListAndAnOlderHeartbeatIsStillRead() throws Exception {
        KioskAddress k = KioskAddress.of(SITE, "facts-1");
        Instant now = CLOCK.instant();
        KioskStatus facts = new KioskStatus(k.site(), k.kioskId(), KioskStatus.State.ONLINE, now, "2.0.0",
                now.minusSeconds(600), 3, 60, 12, "2026-09-01T00:00:00Z", List.of("ACS ACR39U", "Virtual CL"), 1);
        publishRetained(Topics.status(k), Events.CODEC.encode(facts));

        await().atMost(PATIENCE).until(() -> deviceOrNull(SITE, "facts-1") != null
                && device(SITE, "facts-1").get("configVersion").asLong() == 12);
        JsonNode d = device(SITE, "facts-1");
        assertEquals("2026-09-01T00:00:00Z", d.get("certificateNotAfter").asText());
        assertEquals("ACS ACR39U", d.at("/readers/0").asText());
        assertEquals(600, d.get("uptimeSeconds").asLong());
        assertEquals("default", d.get("group").asText());

        String older = new String(Events.CODEC.encode(Events.status(k, KioskStatus.State.ONLINE, now.plusSeconds(1), 60)),
                StandardCharsets.UTF_8).replaceAll(",\\s*\"(configVersion|certificateNotAfter)\":(\\d+|\"[^\"]*\")", "")
                .replaceAll(",\\s*\"readers\":\\[[^\\]]*\\]", "");
        assertTrue(!older.contains("readers") && !older.contains("configVersion"), older);
        publishRetained(Topics.status(k), older.getBytes(StandardCharsets.UTF_8));
        await().atMost(PATIENCE).until(() -> device(SITE, "facts-1").get("configVersion").asLong() == 0);
        assertTrue(device(SITE, "facts-1").get("certificateNotAfter").isNull());
    }

    @Test
    void kioskWhoseHeartbeatsStopIsShownOfflineAfterThreeIntervals() throws Exception {
        KioskAddress k = KioskAddress.of(SITE, "silent-1");
        publishRetained(Topics.status(k), Events.CODEC.encode(
                Events.status(k, KioskStatus.State.ONLINE, CLOCK.instant(), 5)));
        await().atMost(PATIENCE).until(() -> deviceOrNull(SITE, "silent-1") != null
                && device(SITE, "silent-1").get("online").asBoolean());

        CLOCK.advance(Duration.ofSeconds(16)); // more than 3 × 5 s without a heartbeat

        assertFalse(device(SITE, "silent-1").get("online").asBoolean());
        assertEquals("ONLINE", device(SITE, "silent-1").get("state").asText(), "its last word was ONLINE");
    }

    @Test
    void contractBreakersAreCountedQuarantinedAndIngestGoesOn() throws Exception {
        KioskAddress k = KioskAddress.of(SITE, "bad-1");
        Map<ProtocolError, Long> before = new HashMap<>();
        for (ProtocolError code : ProtocolError.values()) {
            before.put(code, rejected(code));
        }
        byte[] oversized = new byte[64 * 1024 + 1];
        Arrays.fill(oversized, (byte) ' ');
        String unknownType = new String(Events.CODEC.encode(Events.demo(k, 1, Instant.now())), StandardCharsets.UTF_8)
                .replace("\"demo.activity\"", "\"demo.teleport\"");
        byte[] otherKiosk = Events.CODEC.encode(Events.demo(KioskAddress.of(SITE, "bad-2"), 1, Instant.now()));

        publish(Topics.event(k), "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8));
        publish(Topics.event(k), oversized);
        publish(Topics.event(k), unknownType.getBytes(StandardCharsets.UTF_8));
        publish(Topics.event(k), otherKiosk);
        EventEnvelope valid = Events.demo(k, 2, Instant.now());
        publish(Topics.event(k), Events.CODEC.encode(valid));

        await().atMost(PATIENCE).until(() -> getJson("/api/v1/events?kiosk=bad-1").get("events").size() == 1);
        assertEquals(valid.eventId().toString(),
                getJson("/api/v1/events?kiosk=bad-1").get("events").get(0).get("eventId").asText());
        for (ProtocolError code : List.of(ProtocolError.MALFORMED_JSON, ProtocolError.MESSAGE_TOO_LARGE,
                ProtocolError.UNKNOWN_EVENT_TYPE, ProtocolError.TOPIC_MISMATCH)) {
            assertEquals(before.get(code) + 1, rejected(code), code.name());
        }
        Map<String, Integer> quarantined = quarantinedOnTopic(Topics.event(k));
        assertEquals(Map.of("MALFORMED_JSON", 1, "MESSAGE_TOO_LARGE", 1, "UNKNOWN_EVENT_TYPE", 1, "TOPIC_MISMATCH", 1),
                quarantined);
    }

    @Test
    void consoleIsFrenchByDefaultAndEnglishOnRequest() throws Exception {
        HttpResponse<String> fr = get("/");
        assertEquals(200, fr.statusCode());
        assertTrue(fr.body().contains("<html lang=\"fr\">"));
        assertTrue(fr.body().contains("<table id=\"devices\">"));
        assertTrue(fr.body().contains("Hors ligne"));
        assertTrue(get("/?lang=en").body().contains("<html lang=\"en\">"));
        // an English-speaking browser still gets French (French first); English only when chosen
        HttpResponse<String> enUsBrowser = staff.get("/", "en-US,en;q=0.8");
        assertTrue(enUsBrowser.body().contains("<html lang=\"fr\">"), enUsBrowser.body());
        assertEquals("fr", enUsBrowser.headers().firstValue("Content-Language").orElseThrow());
        HttpResponse<String> chosen = staff.get("/?lang=en", "en-US,en;q=0.8");
        assertTrue(chosen.body().contains("<html lang=\"en\">"));
        assertEquals("en", chosen.headers().firstValue("Content-Language").orElseThrow());
        assertTrue(staff.get("/?lang=fr", "en-US,en;q=0.8").body().contains("<html lang=\"fr\">"));
        assertEquals(200, get("/console.js").statusCode());
        assertEquals(200, get("/console.css").statusCode());
    }

    @Test
    void healthIsUpAndMetricsAreExposed() throws Exception {
        HttpResponse<String> health = get("/healthz");
        assertEquals(200, health.statusCode());
        JsonNode h = JSON.readTree(health.body());
        assertEquals("UP", h.get("status").asText());
        assertEquals("UP", h.get("database").asText());
        assertEquals("UP", h.get("broker").asText());
        assertEquals("CONNECTED", h.get("ingest").asText());

        HttpResponse<String> metrics = get("/metrics");
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        MetricsExposition exposed = MetricsExposition.parse(metrics.body());
        // every family the hub has always exported, by the names and types dashboards and alerts use
        Map<String, String> families = new TreeMap<>();
        for (String counter : List.of("vigie_ingest_events_stored_total", "vigie_ingest_events_duplicate_total",
                "vigie_ingest_messages_rejected_total", "vigie_ingest_status_updates_total",
                "vigie_ingest_commit_failures_total", "vigie_ingest_acks_dropped_total")) {
            families.put(counter, "counter");
        }
        families.put("vigie_ingest_batch_commit_seconds", "histogram");
        families.put("vigie_ingest_batch_messages", "histogram");
        for (String gauge : List.of("vigie_ingest_queue_depth", "vigie_ingest_connected", "vigie_devices_known",
                "vigie_devices_online", "vigie_gam_waiting", "vigie_gam_failed")) {
            families.put(gauge, "gauge");
        }
        assertEquals(families, new TreeMap<>(exposed.types()));
        for (String name : List.of("vigie_ingest_events_stored_total", "vigie_ingest_events_duplicate_total",
                "vigie_devices_online", "vigie_devices_known", "vigie_ingest_batch_commit_seconds_count",
                "vigie_ingest_connected", "vigie_gam_waiting", "vigie_gam_failed")) {
            assertTrue(exposed.find(name).isPresent(), name);
        }
        assertEquals(1, exposed.value("vigie_ingest_connected"));
        hub.startIngest(); // idempotent: a second call changes nothing
        assertEquals(200, get("/healthz").statusCode());
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Publishes as the kiosk whose topic it is. */
    private static void publish(String topic, byte[] payload) throws Exception {
        kiosks.publish(Topics.parse(topic).kiosk(), topic, payload, false);
    }

    private static void publishRetained(String topic, byte[] payload) throws Exception {
        kiosks.publish(Topics.parse(topic).kiosk(), topic, payload, true);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return staff.get(path);
    }

    private static JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode deviceOrNull(String site, String kioskId) throws IOException, InterruptedException {
        for (JsonNode d : getJson("/api/v1/devices")) {
            if (d.get("site").asText().equals(site) && d.get("kioskId").asText().equals(kioskId)) {
                return d;
            }
        }
        return null;
    }

    private static JsonNode device(String site, String kioskId) throws IOException, InterruptedException {
        JsonNode d = deviceOrNull(site, kioskId);
        assertNotNull(d, site + "/" + kioskId + " is not in /api/v1/devices");
        return d;
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("events").forEach(e -> out.add(e.get("seq").asLong()));
        return out;
    }

    private static long metric(String series) throws Exception {
        return (long) MetricsExposition.parse(get("/metrics").body()).value(series);
    }

    private static long rejected(ProtocolError code) throws Exception {
        return metric("vigie_ingest_messages_rejected_total{code=\"" + code + "\"}");
    }

    private static Map<String, Integer> quarantinedOnTopic(String topic) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = hub.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT error_code, count(*) FROM rejected_messages WHERE topic = '"
                        + topic + "' GROUP BY error_code")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}

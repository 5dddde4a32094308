package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.software.TestPackages;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.device.Kiosk;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged software rollout end to end, up to the root update unit: a hub, two real enrolled kiosks. IT uploads
 * packages and rolls a version out to the group, one kiosk first; each kiosk receives the hub's signed
 * {@code update-software} command, mirrors the repository over mutual TLS and leaves its request for the root unit,
 * reporting through its outbox. What the root unit does (apt-get, restart, health check, rollback: packaging's
 * {@code /usr/share/vigie/kiosk/update}) is stood in for by writing its result file; the kiosk is then restarted,
 * as the unit restarts it, and reports the outcome, which moves the rollout on: the second stage only once the
 * first kiosk is UPDATED.
 */
class SoftwareRolloutIT {
    private static final String SITE = "chu-nord";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static EdgeHub hub;
    static HubApi api;
    static final List<Kiosk> kiosks = new ArrayList<>();
    static final List<KioskConfig> configs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(),
                "hub.http.port", "0", "hub.mqtt.port", "0", "hub.site", SITE)));
        api = new HubApi(hub.httpUri(), tmp.resolve("hub"));
        Map<String, String> enrolled = EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                EnrolledKiosks.fleetIds("kiosk", 2));
        for (int i = 1; i <= 2; i++) {
            Map<String, String> settings = new HashMap<>(enrolled);
            settings.putAll(Map.of("kiosk.id", "kiosk-00" + i, "kiosk.data-dir", tmp.resolve("kiosk-" + i).toString(),
                    "kiosk.heartbeat-seconds", "1"));
            configs.add(KioskConfig.load(null, settings));
            kiosks.add(started(configs.get(i - 1)));
        }
        await().atMost(PATIENCE).until(() -> api.devices().size() == 2);
    }

    static Kiosk started(KioskConfig config) throws Exception {
        Kiosk k = Kiosk.start(config);
        k.clinicianSession(() -> false); // no workstation here: nobody is signed in
        return k;
    }

    @AfterAll
    static void stop() {
        kiosks.forEach(Kiosk::close);
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theSecondKioskIsUpdatedOnlyOnceTheFirstReportedItselfUpdated() throws Exception {
        for (String v : List.of("0.2.0", "0.3.0")) {
            HttpResponse<String> added = api.postFile("/api/v1/software/packages",
                    TestPackages.build(tmp, "vigie-kiosk", v, "all"), "application/vnd.debian.binary-package");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        HttpResponse<String> started = api.send("POST", "/api/v1/software/rollouts",
                "{\"group\":\"default\",\"version\":\"0.3.0\",\"firstKiosks\":1}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = JSON.readTree(started.body()).path("rolloutId").asLong();

        // the first kiosk mirrors and hands over to the root unit; its UPDATING report reaches the hub
        Path request1 = configs.get(0).dataDir().resolve("updates/request");
        await().atMost(PATIENCE).until(() -> Files.exists(request1));
        assertThat(Files.readString(request1)).contains("rolloutId=" + id, "version=0.3.0");
        assertThat(configs.get(0).dataDir().resolve("updates/mirror/pool/main/vigie-kiosk/vigie-kiosk_0.3.0_all.deb"))
                .exists();
        await().atMost(PATIENCE).until(() -> state(id, "kiosk-001").equals("UPDATING"));
        assertThat(state(id, "kiosk-002")).as("the rest waits for the first stage").isEqualTo("PENDING");
        assertThat(configs.get(1).dataDir().resolve("updates/request")).doesNotExist();

        // the root unit installed it and the kiosk came back healthy (stood in for), restarted
        finishAsTheRootUnit(0, id, "UPDATED", "OK");
        await().atMost(PATIENCE).until(() -> state(id, "kiosk-001").equals("UPDATED"));

        // then the second stage goes out; that kiosk rolls back by itself
        Path request2 = configs.get(1).dataDir().resolve("updates/request");
        await().atMost(PATIENCE).until(() -> Files.exists(request2));
        finishAsTheRootUnit(1, id, "ROLLED_BACK", "HEALTH_CHECK_FAILED");
        await().atMost(PATIENCE).until(() -> rollout(id).path("state").asText().equals("DONE"));
        JsonNode done = rollout(id);
        assertThat(done.path("counts").path("UPDATED").asInt()).isEqualTo(1);
        assertThat(done.path("counts").path("ROLLED_BACK").asInt()).isEqualTo(1);
        assertThat(done.path("targets").get(1).path("code").asText()).isEqualTo("HEALTH_CHECK_FAILED");
        JsonNode audit = api.getJson("/api/v1/audit?category=software&limit=50");
        assertThat(audit.toString()).contains("SOFTWARE_ROLLOUT_STARTED", "SOFTWARE_ROLLOUT_SECOND_STAGE",
                "SOFTWARE_UPDATE_REPORTED", "SOFTWARE_ROLLOUT_DONE");
    }

    /** What the root unit leaves when it is done, then the kiosk restarted as the unit restarts it. */
    private static void finishAsTheRootUnit(int i, long id, String state, String code) throws Exception {
        Path updates = configs.get(i).dataDir().resolve("updates");
        Files.delete(updates.resolve("request"));
        Files.writeString(updates.resolve("result"), "rolloutId=" + id + "\nstate=" + state + "\ncode=" + code
                + "\nfromVersion=0.2.0\ntoVersion=0.3.0\nrunningVersion=0.3.0\nmessage=stood in for the root unit\n");
        kiosks.get(i).close();
        kiosks.set(i, started(configs.get(i)));
        // reported through the outbox once the kiosk is linked again, then forgotten
        await().atMost(PATIENCE).until(() -> !Files.exists(updates.resolve("result")));
    }

    private static JsonNode rollout(long id) throws Exception {
        return api.getJson("/api/v1/software/rollouts/" + id);
    }

    private static String state(long id, String kiosk) throws Exception {
        for (JsonNode t : rollout(id).path("targets")) {
            if (t.path("kioskId").asText().equals(kiosk)) {
                return t.path("state").asText();
            }
        }
        return "none";
    }
}

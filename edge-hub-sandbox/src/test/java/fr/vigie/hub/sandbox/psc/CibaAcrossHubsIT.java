package fr.vigie.hub.sandbox.psc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.sandbox.SandboxHub;
import fr.vigie.hub.testing.DeviceHttp;
import fr.vigie.hub.testing.TestDevices;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hubs of one site sharing one PostgreSQL (and the site's keys), each configured through the same
 * {@code hub.psc.*} settings to reach the sandbox PSC: a kiosk starts a CIBA sign-in through one hub and
 * polls it through another, and a sign-in keeps going when the hub that started it stops.
 */
class CibaAcrossHubsIT {
    private static final MutableClock CLOCK = MutableClock.followingSystemTime();
    private static final String SITE = "chu-nord";
    private static final KioskAddress KIOSK = KioskAddress.of(SITE, "poste-7");
    private static final String NURSE = "810099900028";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static HubDatabase database;
    static SandboxHub first;
    static EdgeHub second;
    static DeviceIdentity kiosk;
    static DeviceHttp throughFirst;
    static DeviceHttp throughSecond;

    @BeforeAll
    static void startTwoHubsOnOneDatabase() throws Exception {
        database = HubDatabase.embedded(dir.resolve("postgres"));
        Path passphrase = dir.resolve("site-ca.passphrase");
        AtomicFiles.write(passphrase, "the site's shared passphrase\n".getBytes(StandardCharsets.UTF_8));
        first = SandboxHub.start(hubSettings("hub-1", passphrase), CLOCK);
        second = startSharing(first.hub(), "hub-2", passphrase);
        kiosk = TestDevices.enrolled(first.hub().siteCa(), dir.resolve("kiosks"), KIOSK, CLOCK);
        throughFirst = new DeviceHttp(first.hub().deviceApiUri(), kiosk.sslContext());
        throughSecond = new DeviceHttp(second.deviceApiUri(), kiosk.sslContext());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {second, first, database}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one is stopped all the same
            }
        }
    }

    @Test
    void aSignInStartedThroughOneHubIsPolledThroughTheOther() throws Exception {
        JsonNode started = throughFirst.post(CibaApi.START.path(), Map.of("idNatPs", NURSE, "channel", "MOBILE",
                "kioskSessionId", "s-1"), 201);
        String path = CibaApi.STATUS.path(started.path("requestId").asText());

        JsonNode pending = throughSecond.get(path, 200);
        assertEquals("PENDING", pending.path("status").asText());
        assertEquals(started.path("bindingMessage").asText(), pending.path("bindingMessage").asText());

        approveOnThePhone(started.path("bindingMessage").asText());

        await().atMost(WAIT).until(() -> throughSecond.get(path, 200).path("status").asText().equals("BOUND"));
        assertEquals(NURSE, throughSecond.get(path, 200).path("who").path("idNatPs").asText());
        assertEquals("BOUND", throughFirst.get(path, 200).path("status").asText());
    }

    @Test
    void aSignInGoesOnWhenTheHubThatStartedItStops() throws Exception {
        Path passphrase = dir.resolve("site-ca.passphrase");
        EdgeHub third = startSharing(first.hub(), "hub-3", passphrase);
        JsonNode started;
        try {
            started = new DeviceHttp(third.deviceApiUri(), kiosk.sslContext()).post(CibaApi.START.path(),
                    Map.of("idNatPs", NURSE, "channel", "CARD", "kioskSessionId", "s-2"), 201);
        } finally {
            third.close();
        }
        String path = CibaApi.STATUS.path(started.path("requestId").asText());
        assertEquals("PENDING", throughSecond.get(path, 200).path("status").asText());

        approveOnThePhone(started.path("bindingMessage").asText());

        await().atMost(WAIT).until(() -> throughSecond.get(path, 200).path("status").asText().equals("BOUND"));
        assertEquals(NURSE, throughFirst.get(path, 200).path("who").path("idNatPs").asText());
    }

    private static void approveOnThePhone(String bindingMessage) {
        PscSimulator psc = first.sandbox().psc();
        await().atMost(WAIT).until(() -> psc.pendingRequests().stream()
                .anyMatch(p -> p.bindingMessage().equals(bindingMessage)));
        List<CibaLedger.Pending> shown = psc.pendingRequests().stream()
                .filter(p -> p.bindingMessage().equals(bindingMessage)).toList();
        assertEquals(1, shown.size(), "one request shows " + bindingMessage + " on the phone");
        assertTrue(psc.ledger.decide(shown.get(0).ref(), true));
    }

    /** A hub of the site on the shared database, its own data directory, every port free. */
    private static Map<String, String> hubSettings(String name, Path passphrase) throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put(HubConfig.DATA_DIR, dir.resolve(name).toString());
        s.put(HubConfig.HTTP_PORT, "0");
        s.put(HubConfig.MQTT_PORT, "0");
        s.put(HubConfig.INGEST_ENABLED, "false");
        s.put(HubConfig.DB_URL, database.jdbcUrl());
        s.put(HubConfig.DB_USER, "vigie_hub");
        s.put(HubConfig.DB_PASSWORD, Files.readString(dir.resolve("postgres").resolve(HubDatabase.HUB_ROLE_SECRET),
                StandardCharsets.UTF_8).trim());
        s.put(HubPkiConfig.SITE, SITE);
        s.put(HubPkiConfig.DEVICE_API_PORT, "0");
        s.put(HubPkiConfig.CA_PASSPHRASE_FILE, passphrase.toString());
        return s;
    }

    /**
     * Another hub of {@code running}'s site: the site CA and the configuration signing key copied into its
     * data directory (as a site installs a second hub), the same database, the same sandbox settings.
     */
    private static EdgeHub startSharing(EdgeHub running, String name, Path passphrase) throws Exception {
        Path data = dir.resolve(name);
        Path from = dir.resolve("hub-1");
        AtomicFiles.createPrivateDirectory(data);
        for (String keys : List.of("site-ca", Fleet.KEY_DIR)) {
            copyTree(from.resolve(keys), data.resolve(keys));
        }
        Map<String, String> settings = new HashMap<>(first.sandbox().hubSettings());
        settings.putAll(hubSettings(name, passphrase));
        EdgeHub hub = EdgeHub.start(HubConfig.load(null, settings), CLOCK);
        assertEquals(running.siteCa().rootFingerprint(), hub.siteCa().rootFingerprint());
        return hub;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    AtomicFiles.createPrivateDirectory(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

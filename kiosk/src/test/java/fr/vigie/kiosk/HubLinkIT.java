package fr.vigie.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiosks against a real embedded MQTT 5 broker, observed by a plain Paho subscriber. */
class HubLinkIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private TestBroker broker;
    private Subscriber hub;

    @BeforeEach
    void startBrokerAndSubscriber() throws Exception {
        broker = new TestBroker(dir.resolve("broker"));
        broker.start();
        hub = new Subscriber(broker.url(), "test-hub");
    }

    @AfterEach
    void stopAll() throws Exception {
        hub.close();
        broker.close();
    }

    private KioskConfig config(String kioskId, int heartbeatSeconds) throws KioskConfigException {
        return KioskConfig.load(null, Map.of("kiosk.site", "it-site", "kiosk.id", kioskId,
                "kiosk.data-dir", dir.resolve(kioskId).toString(), "kiosk.mqtt.url", broker.url(),
                "kiosk.heartbeat-seconds", String.valueOf(heartbeatSeconds)));
    }

    @Test
    void burstOfAFleetReachesTheSubscriberCompleteAndInSeqOrderAndEmptiesTheOutboxes() throws Exception {
        int perKiosk = 1000;
        KioskConfig base = config("fleet", 10).withKiosk("fleet", dir.resolve("fleet"));
        try (VirtualFleet fleet = VirtualFleet.start(3, base)) {
            fleet.burst(perKiosk, 0);

            assertTrue(fleet.awaitAccepted(PATIENCE), "bursts accepted");
            assertTrue(fleet.awaitDrained(PATIENCE), "outboxes drained");

            for (Kiosk kiosk : fleet.kiosks()) {
                KioskAddress address = kiosk.address();
                await().atMost(PATIENCE).until(() -> hub.events(address).size() >= perKiosk + 1);
                List<EventEnvelope> received = hub.events(address);
                assertEquals(LongStream.rangeClosed(1, perKiosk + 1).boxed().toList(),
                        received.stream().map(EventEnvelope::seq).toList(), "every event once, in seq order");
                assertTrue(received.get(0).payload() instanceof EventPayload.KioskStarted);
                assertEquals(0, kiosk.outboxDepth());
            }
        }
        assertEquals(List.of(), hub.rejected());
    }

    @Test
    void eventsAcceptedWhileTheBrokerIsDownAreDrainedInOrderOnceItIsBack() throws Exception {
        try (Kiosk kiosk = Kiosk.start(config("outage", 10))) {
            KioskAddress address = kiosk.address();
            await().atMost(PATIENCE).until(kiosk::connected);
            for (int i = 1; i <= 50; i++) {
                kiosk.accept(new EventPayload.DemoActivity("badge-tap", i));
            }
            await().atMost(PATIENCE).until(() -> kiosk.outboxDepth() == 0);

            broker.stop();
            await().atMost(PATIENCE).until(() -> !kiosk.connected());
            for (int i = 51; i <= 350; i++) {
                kiosk.accept(new EventPayload.DemoActivity("card-inserted", i));
            }
            assertEquals(300, kiosk.outboxDepth(), "kept in the outbox while offline");
            assertFalse(kiosk.connected());

            broker.start();
            await().atMost(PATIENCE).until(kiosk::connected);
            await().atMost(PATIENCE).until(() -> kiosk.outboxDepth() == 0);

            await().atMost(PATIENCE).until(() -> distinctSeqs(hub.events(address)).size() == 351);
            assertEquals(LongStream.rangeClosed(1, 351).boxed().toList(), distinctSeqs(hub.events(address)),
                    "first arrivals in seq order, none missing (re-sent duplicates allowed)");
        }
    }

    @Test
    void retainedStatusIsOnlineWithHeartbeatsThenOfflineAfterACleanClose() throws Exception {
        KioskAddress address;
        KioskConfig config = config("status", 1);
        try (Kiosk kiosk = Kiosk.start(config)) {
            address = kiosk.address();
            await().atMost(PATIENCE).until(kiosk::connected);

            KioskStatus retained = await().atMost(PATIENCE)
                    .until(() -> Subscriber.retainedStatus(broker.url(), address), s -> s != null);
            assertEquals(KioskStatus.State.ONLINE, retained.state());
            // the jar's Implementation-Version, or "dev" when the kiosk runs from its classes directory
            assertEquals(config.softwareVersion(), retained.softwareVersion());
            assertEquals(1, retained.heartbeatSeconds());
            assertNotNull(retained.startedAt());

            await().atMost(PATIENCE).until(() -> hub.statuses(address).stream()
                    .filter(s -> s.state() == KioskStatus.State.ONLINE).count() >= 3);
            List<KioskStatus> beats = hub.statuses(address);
            assertTrue(beats.get(beats.size() - 1).sentAt().isAfter(beats.get(0).sentAt()), "heartbeats repeat");
        }

        await().atMost(PATIENCE).until(() -> hub.lastStatus(address).state() == KioskStatus.State.OFFLINE);
        assertEquals(KioskStatus.State.OFFLINE, Subscriber.retainedStatus(broker.url(), address).state());
    }

    /** Seqs in order of first arrival. */
    private static List<Long> distinctSeqs(List<EventEnvelope> events) {
        Set<Long> seen = new LinkedHashSet<>();
        events.forEach(e -> seen.add(e.seq()));
        return new ArrayList<>(seen);
    }
}

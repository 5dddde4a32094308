package fr.vigie.kiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.Pending;
import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet offline (no broker listening): bursts land in the outboxes and resume across restarts. */
class VirtualFleetTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private KioskConfig base() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        return KioskConfig.load(null, Map.of("kiosk.site", "test-site", "kiosk.id", "vk", "kiosk.data-dir",
                dir.toString(), "kiosk.mqtt.url", "tcp://127.0.0.1:" + closedPort, "kiosk.outbox.sync", "NORMAL"));
    }

    @Test
    void burstResumesFromTheDurableCounterSoThatExactlyNAreAcceptedAcrossRestarts() throws Exception {
        KioskConfig base = base();
        List<String> reports = new CopyOnWriteArrayList<>();
        VirtualFleet.Listener listener = new VirtualFleet.Listener() {
            @Override
            public void ready(KioskAddress kiosk) {
                reports.add("READY " + kiosk);
            }

            @Override
            public void burstAccepted(KioskAddress kiosk, long n) {
                reports.add("BURST-ACCEPTED " + kiosk + " n=" + n);
            }
        };

        try (VirtualFleet first = VirtualFleet.start(2, base, listener)) {
            first.burst(30, 0);
            assertTrue(first.awaitAccepted(WAIT));
            assertFalse(first.kiosks().get(0).connected());
        }
        try (VirtualFleet second = VirtualFleet.start(2, base, listener)) {
            second.burst(50, 0);
            assertTrue(second.awaitAccepted(WAIT));
            assertEquals(50, second.kiosks().get(1).acceptedCount(EventType.DEMO_ACTIVITY));
        }

        assertEquals(List.of("READY test-site/vk-001", "READY test-site/vk-002"), reports.subList(0, 2));
        assertTrue(reports.contains("BURST-ACCEPTED test-site/vk-002 n=50"), reports.toString());
        for (String id : List.of("vk-001", "vk-002")) {
            List<EventEnvelope> events = storedEvents(id);
            List<Long> burstIndexes = new ArrayList<>();
            for (EventEnvelope e : events) {
                if (e.payload() instanceof EventPayload.DemoActivity a) {
                    burstIndexes.add(a.burstIndex());
                }
            }
            assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), burstIndexes, id);
            assertEquals(52, events.size(), "50 activities and one kiosk.started per start");
            assertEquals(LongStream.rangeClosed(1, 52).boxed().toList(), events.stream().map(EventEnvelope::seq).toList());
        }
    }

    @Test
    void awaitDrainedTimesOutWhileNoBrokerTakesTheEvents() throws Exception {
        try (VirtualFleet fleet = VirtualFleet.start(1, base())) {
            fleet.burst(5, 0);
            assertTrue(fleet.awaitAccepted(WAIT));
            assertFalse(fleet.awaitDrained(Duration.ofMillis(200)));
            assertEquals(6, fleet.kiosks().get(0).outboxDepth());
        }
    }

    private List<EventEnvelope> storedEvents(String kioskId) throws Exception {
        ProtocolCodec codec = new ProtocolCodec();
        List<EventEnvelope> out = new ArrayList<>();
        try (Outbox outbox = Outbox.open(dir.resolve(kioskId).resolve(Kiosk.OUTBOX_FILE),
                KioskAddress.of("test-site", kioskId), 1000, SyncLevel.NORMAL, Clock.systemUTC())) {
            for (Pending p : outbox.pending(0, 1000)) {
                out.add(codec.decodeEvent(p.json()));
            }
        }
        return out;
    }
}

package fr.vigie.hub.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PresenceTest {
    private static final Instant HEARTBEAT = Instant.parse("2025-03-31T08:00:00Z");

    private static Presence at(String now) {
        return new Presence(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), 3);
    }

    @Test
    void onlineKioskStaysOnlineJustBeforeThreeMissedHeartbeats() {
        assertTrue(at("2025-03-31T08:00:29.999Z").isOnline("ONLINE", HEARTBEAT, 10));
    }

    @Test
    void kioskGoesOfflineAfterThreeHeartbeatIntervalsWithoutHeartbeat() {
        assertFalse(at("2025-03-31T08:00:30Z").isOnline("ONLINE", HEARTBEAT, 10));
    }

    @Test
    void lastWillSaysOfflineAtOnce() {
        assertFalse(at("2025-03-31T08:00:01Z").isOnline("OFFLINE", HEARTBEAT, 10));
    }

    @Test
    void kioskSeenOnlyThroughEventsIsOffline() {
        assertFalse(at("2025-03-31T08:00:01Z").isOnline(Presence.UNKNOWN, null, null));
    }

    @Test
    void multiplierComesFromConfiguration() {
        Presence lenient = new Presence(Clock.fixed(Instant.parse("2025-03-31T08:00:45Z"), ZoneOffset.UTC), 5);
        assertTrue(lenient.isOnline("ONLINE", HEARTBEAT, 10));
    }

    @Test
    void heartbeatTimeIsTheKioskTimeButNeverLaterThanReceipt() {
        Instant received = Instant.parse("2025-03-31T08:10:00Z");
        assertEquals(HEARTBEAT, Presence.heartbeatTime(HEARTBEAT, received), "a replayed status keeps its age");
        assertEquals(received, Presence.heartbeatTime(received.plusSeconds(120), received),
                "a kiosk clock running ahead is capped at receipt");
    }
}

package fr.vigie.hub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.testing.Events;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    private static final KioskAddress A = KioskAddress.of("site-b", "kiosk-1");
    private static final KioskAddress B = KioskAddress.of("site-a", "kiosk-9");
    private static final Instant T0 = Instant.parse("2025-03-31T08:00:00Z");

    private static WriteBatch.NewEvent ev(EventEnvelope e) {
        return new WriteBatch.NewEvent(e, "{}");
    }

    @Test
    void repeatedEventIdInOneBatchKeepsTheFirstArrival() {
        WriteBatch.NewEvent first = ev(Events.demo(A, 1, T0));
        WriteBatch.NewEvent second = ev(Events.demo(A, 2, T0));
        WriteBatch.NewEvent again = new WriteBatch.NewEvent(first.event(), "{\"other\":1}");

        List<WriteBatch.NewEvent> kept = BatchPlan.firstOccurrences(List.of(first, second, again));

        assertEquals(List.of(first, second), kept);
    }

    @Test
    void talliesCountOnlyInsertedEventsPerKioskSortedBySiteThenKiosk() {
        WriteBatch.NewEvent a1 = ev(Events.demo(A, 1, T0.plusSeconds(5)));
        WriteBatch.NewEvent a2 = ev(Events.started(A, 2, T0.plusSeconds(9)));
        WriteBatch.NewEvent a3 = ev(Events.demo(A, 3, T0.plusSeconds(1)));
        WriteBatch.NewEvent b1 = ev(Events.demo(B, 1, T0));
        WriteBatch.NewEvent duplicate = ev(Events.demo(B, 2, T0.plusSeconds(60)));
        Set<UUID> inserted = List.of(a1, a2, a3, b1).stream().map(e -> e.event().eventId().uuid())
                .collect(Collectors.toSet());

        List<BatchPlan.DeviceTally> tallies = BatchPlan.tallies(List.of(a1, a2, a3, b1, duplicate), inserted);

        assertEquals(List.of(new BatchPlan.DeviceTally(B, 1, T0, "demo.activity"),
                new BatchPlan.DeviceTally(A, 3, T0.plusSeconds(9), "kiosk.started")), tallies);
    }

    @Test
    void onEqualOccurrenceTimesTheLaterArrivalGivesTheLastType() {
        WriteBatch.NewEvent first = ev(Events.started(A, 1, T0));
        WriteBatch.NewEvent second = ev(Events.demo(A, 2, T0));
        Set<UUID> inserted = Set.of(first.event().eventId().uuid(), second.event().eventId().uuid());

        assertEquals("demo.activity", BatchPlan.tallies(List.of(first, second), inserted).get(0).lastType());
    }

    @Test
    void lastStatusPerKioskWinsInArrivalOrder() {
        var online = new WriteBatch.StatusUpdate(Events.status(A, KioskStatus.State.ONLINE, T0, 10), T0);
        var offline = new WriteBatch.StatusUpdate(Events.status(A, KioskStatus.State.OFFLINE, T0, 10), T0);
        var other = new WriteBatch.StatusUpdate(Events.status(B, KioskStatus.State.ONLINE, T0, 10), T0);

        assertEquals(List.of(other, offline), BatchPlan.lastStatusPerKiosk(List.of(online, other, offline)));
    }
}

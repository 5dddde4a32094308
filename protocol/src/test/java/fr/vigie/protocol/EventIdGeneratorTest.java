package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventIdGeneratorTest {
    private static final long T = Instant.parse("2025-03-14T09:26:53.589Z").toEpochMilli();

    @Test
    void idCarriesTheClockTimeReadableThroughEpochMillis() {
        EventIdGenerator ids = new EventIdGenerator(new MutableClock(Instant.ofEpochMilli(T)), new Random(1));

        EventId id = ids.next();

        assertEquals(T, id.epochMillis());
        assertEquals(7, id.uuid().version());
        assertEquals(2, id.uuid().variant());
    }

    @Test
    void thousandsOfIdsInTheSameMillisecondStrictlyIncreaseAsUuidsAndAsStrings() {
        EventIdGenerator ids = new EventIdGenerator(new MutableClock(Instant.ofEpochMilli(T)), new Random(7));

        List<EventId> made = make(ids, 10_000);

        assertStrictlyIncreasing(made);
        assertEquals(10_000, new HashSet<>(made).size());
    }

    @Test
    void counterOverflowCarriesIntoTheTimestampAndKeepsIncreasing() {
        // the counter starts at its highest random value, 2047, leaving 2048 increments before it overflows
        EventIdGenerator ids = new EventIdGenerator(new MutableClock(Instant.ofEpochMilli(T)), new HighestRandom());

        List<EventId> made = make(ids, 2049 + 3);

        assertStrictlyIncreasing(made);
        assertEquals(T, made.get(0).epochMillis());
        assertEquals(0xFFF, counter(made.get(2048)));
        assertEquals(T, made.get(2048).epochMillis());
        assertEquals(T + 1, made.get(2049).epochMillis());
        assertEquals(0, counter(made.get(2049)));
        assertEquals(2, counter(made.get(2051)));
    }

    @Test
    void manyOverflowsUnderAFrozenClockStayCloseToTheClock() {
        EventIdGenerator ids = new EventIdGenerator(new MutableClock(Instant.ofEpochMilli(T)), new HighestRandom());

        List<EventId> made = make(ids, 20_000);

        assertStrictlyIncreasing(made);
        long last = made.get(made.size() - 1).epochMillis();
        assertTrue(last <= T + 5, "20 000 ids at 4096 per millisecond must not run ahead more than 5 ms, got +"
                + (last - T));
    }

    @Test
    void clockGoingBackwardsNeverYieldsASmallerId() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(T));
        EventIdGenerator ids = new EventIdGenerator(clock, new Random(3));
        List<EventId> made = new ArrayList<>(make(ids, 10));

        clock.set(Instant.ofEpochMilli(T - 60_000));
        made.addAll(make(ids, 1000));
        clock.set(Instant.ofEpochMilli(T - 1));
        made.addAll(make(ids, 10));

        assertStrictlyIncreasing(made);
        assertEquals(T, made.get(made.size() - 1).epochMillis(), "the id keeps the last time seen, not the earlier one");
    }

    @Test
    void clockMovingForwardAgainAfterGoingBackUsesTheNewTime() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(T));
        EventIdGenerator ids = new EventIdGenerator(clock, new Random(3));
        EventId first = ids.next();
        clock.set(Instant.ofEpochMilli(T - 5));
        EventId during = ids.next();
        clock.set(Instant.ofEpochMilli(T + 10));

        EventId after = ids.next();

        assertStrictlyIncreasing(List.of(first, during, after));
        assertEquals(T + 10, after.epochMillis());
    }

    @Test
    void idsMadeConcurrentlyAreAllDistinct() throws Exception {
        EventIdGenerator ids = EventIdGenerator.system();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<EventId>>> parts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                parts.add(pool.submit(() -> make(ids, 5000)));
            }
            Set<EventId> all = new HashSet<>();
            for (Future<List<EventId>> part : parts) {
                List<EventId> mine = part.get();
                assertStrictlyIncreasing(mine);
                all.addAll(mine);
            }
            assertEquals(20_000, all.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<EventId> make(EventIdGenerator ids, int count) {
        List<EventId> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(ids.next());
        }
        return made;
    }

    private static int counter(EventId id) {
        return (int) (id.uuid().getMostSignificantBits() & 0xFFF);
    }

    static void assertStrictlyIncreasing(List<EventId> ids) {
        for (int i = 1; i < ids.size(); i++) {
            EventId a = ids.get(i - 1);
            EventId b = ids.get(i);
            assertTrue(a.compareTo(b) < 0, "as event ids at " + i + ": " + a + " !< " + b);
            assertTrue(a.uuid().compareTo(b.uuid()) < 0, "as java.util.UUID at " + i + ": " + a + " !< " + b);
            assertTrue(a.toString().compareTo(b.toString()) < 0, "as strings at " + i + ": " + a + " !< " + b);
        }
    }

    /** A random source whose bounded draws are always the highest allowed value. */
    private static final class HighestRandom extends Random {
        HighestRandom() {
            super(11);
        }

        @Override
        public int nextInt(int bound) {
            return bound - 1;
        }
    }
}

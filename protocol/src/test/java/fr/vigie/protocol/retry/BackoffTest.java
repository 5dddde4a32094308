package fr.vigie.protocol.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30))
            .withEqualJitter(new Random(42));

    @Test
    void delayDoublesFromBaseWithinHalfAndFullOfTheCeiling() {
        for (int attempt = 0; attempt < 6; attempt++) {
            long ceiling = 500L << attempt;
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(attempt).toMillis();
                assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + attempt + " gave " + d);
            }
        }
    }

    @Test
    void delayIsCappedForEverLaterAttempts() {
        for (int attempt : new int[] {6, 7, 20, 31, 64, Integer.MAX_VALUE}) {
            long d = backoff.delay(attempt).toMillis();
            assertTrue(d >= 15_000 && d <= 30_000, "attempt " + attempt + " gave " + d);
        }
    }

    @Test
    void jitterSpreadsKiosksThatFailedTogether() {
        Set<Long> delays = new HashSet<>();
        for (int kiosk = 0; kiosk < 50; kiosk++) {
            delays.add(backoff.delay(3).toMillis());
        }
        assertTrue(delays.size() > 40, "delays should differ, got " + delays.size() + " distinct values");
        assertEquals(Duration.ofMillis(250), Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(1))
                .withEqualJitter(new Random() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public long nextLong(long bound) {
                        return 0;
                    }
                }).delay(0));
    }

    @Test
    void retriesDoubleUpToTheMaximumWithoutJitterAndReset() {
        Backoff.Retries b = Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(300)).retries();
        assertEquals(100, b.next().toMillis());
        assertEquals(200, b.next().toMillis());
        assertEquals(300, b.next().toMillis());
        assertEquals(300, b.next().toMillis());
        b.reset();
        assertEquals(100, b.next().toMillis());
    }

    @Test
    void aZeroScheduleNeverWaitsAndABadOneIsRefused() {
        Backoff.Retries none = Backoff.exponential(Duration.ZERO, Duration.ZERO).retries();
        assertEquals(Duration.ZERO, none.next());
        assertEquals(Duration.ZERO, none.next());
        assertThrows(IllegalArgumentException.class, () -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Backoff.exponential(Duration.ofMillis(-1), Duration.ofSeconds(1)));
    }
}

package fr.vigie.kiosk.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(42));

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
        assertEquals(Duration.ofMillis(250), new Backoff(Duration.ofMillis(500), Duration.ofSeconds(1),
                new Random() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public long nextLong(long bound) {
                        return 0;
                    }
                }).delay(0));
    }
}

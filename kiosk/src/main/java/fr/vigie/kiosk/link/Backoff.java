package fr.vigie.kiosk.link;

import java.time.Duration;
import java.util.Random;

/**
 * Delays between reconnection attempts: exponential from {@code base}, capped at {@code cap}, with
 * "equal jitter" (half the delay fixed, half random) so that a fleet of kiosks cut off together does
 * not come back in lock step. Not thread-safe (the random source may not be); the link calls it
 * under its lock.
 */
final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final Random random;

    Backoff(Duration base, Duration cap, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got " + base + " and " + cap);
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (0 for the first retry after a failure). */
    Duration delay(int attempt) {
        long ceiling = capMillis;
        if (attempt < 31 && (baseMillis << attempt) < capMillis) {
            ceiling = baseMillis << attempt;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}

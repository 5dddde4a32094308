package fr.vigie.hub.ingest;

import java.time.Duration;

/** Exponential backoff between retries: min, 2×min, 4×min… up to max. Thread-safe. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration next;

    Backoff(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The delay before the next retry; each call doubles the following one, up to max. */
    synchronized Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled.isZero() ? min : doubled;
        return current;
    }

    /** Back to min, after a success. */
    synchronized void reset() {
        next = min;
    }
}

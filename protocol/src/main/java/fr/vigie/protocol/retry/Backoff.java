package fr.vigie.protocol.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * The one retry schedule of Vigie: exponential delays {@code first}, 2×{@code first}, 4×{@code first}…
 * capped at {@code max}, optionally with "equal jitter" (half the delay fixed, half random) so that a
 * fleet of kiosks cut off together does not come back in lock step. Used by both ends of the link —
 * the kiosk reconnecting to the hub's broker, the hub's ingest reconnecting and retrying its writes,
 * the hub's INSi client retrying a call — which is why it lives in {@code protocol}, the only module
 * both the kiosk and the hub depend on; it carries no knowledge of the wire.
 *
 * <p>Immutable and thread-safe (a jittered schedule is as thread-safe as its {@link Random}, which
 * {@code java.util.Random} is). {@link #delay(int)} is a pure function of the attempt number; a caller
 * that does not count its attempts takes a {@link Retries} cursor.
 *
 * <pre>{@code
 * Backoff reconnect = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30)).withEqualJitter(random);
 * Duration wait = reconnect.delay(attempt++);      // 250–500 ms, 500–1000 ms, … 15–30 s
 *
 * Backoff.Retries writes = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5)).retries();
 * Duration next = writes.next();                   // 100 ms, 200 ms, 400 ms … 5 s; reset() after a success
 * }</pre>
 */
public final class Backoff {
    private final long firstMillis;
    private final long maxMillis;
    private final Random jitter;

    private Backoff(long firstMillis, long maxMillis, Random jitter) {
        this.firstMillis = firstMillis;
        this.maxMillis = maxMillis;
        this.jitter = jitter;
    }

    /**
     * Delays doubling from {@code first} up to {@code max}, without jitter.
     *
     * @throws IllegalArgumentException unless {@code 0 <= first <= max}
     */
    public static Backoff exponential(Duration first, Duration max) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= first <= max, got " + first + " and " + max);
        }
        return new Backoff(first.toMillis(), max.toMillis(), null);
    }

    /** The same schedule, each delay drawn between half of it and all of it (both included). */
    public Backoff withEqualJitter(Random random) {
        return new Backoff(firstMillis, maxMillis, Objects.requireNonNull(random, "random"));
    }

    /** The delay before retry number {@code attempt} (0 for the first retry after a failure). */
    public Duration delay(int attempt) {
        long ceiling = maxMillis;
        if (attempt >= 0 && attempt < 63 && firstMillis <= (maxMillis >> attempt)) {
            ceiling = Math.min(maxMillis, firstMillis << attempt);
        }
        if (jitter == null) {
            return Duration.ofMillis(ceiling);
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + jitter.nextLong(ceiling - half + 1));
    }

    /** A fresh cursor over this schedule, starting at the first delay. */
    public Retries retries() {
        return new Retries(this);
    }

    /**
     * Where a caller stands in a {@link Backoff} schedule when it does not count its attempts itself:
     * each {@link #next()} returns the next delay, {@link #reset()} goes back to the first after a success.
     * Thread-safe.
     */
    public static final class Retries {
        private final Backoff schedule;
        private int attempt;

        private Retries(Backoff schedule) {
            this.schedule = schedule;
        }

        /** The delay before the next retry; each call moves on to the following one, up to the maximum. */
        public synchronized Duration next() {
            Duration d = schedule.delay(attempt);
            if (attempt < Integer.MAX_VALUE) {
                attempt++;
            }
            return d;
        }

        /** Back to the first delay, after a success. */
        public synchronized void reset() {
            attempt = 0;
        }
    }
}

package fr.vigie.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock tests control, so that time "passes" without waiting. It either stands still at an
 * instant ({@link #MutableClock(Instant)}, {@link #atRealNow()}) or follows the system clock
 * ({@link #followingSystemTime()}); in both cases the test {@linkplain #advance moves it} (forwards or
 * back) or {@linkplain #set sets it}. Always in UTC. Thread-safe: code under test may read it from its
 * own threads while the test moves it.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
 * Outbox outbox = Outbox.open(dir, clock);
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class MutableClock extends Clock {
    /** Standing still at {@code fixed}, or following the system clock when null; plus {@code offset}. */
    private record Reading(Instant fixed, Duration offset) {
        Instant now() {
            return (fixed == null ? Instant.now() : fixed).plus(offset);
        }
    }

    private volatile Reading reading;

    /** A clock standing still at {@code start} until the test moves it. */
    public MutableClock(Instant start) {
        this(new Reading(java.util.Objects.requireNonNull(start, "start"), Duration.ZERO));
    }

    private MutableClock(Reading reading) {
        this.reading = reading;
    }

    /**
     * A clock standing still at the real current second, so that certificates dated by it are valid for
     * the JDK's own checks too.
     */
    public static MutableClock atRealNow() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The system clock, plus whatever the test {@linkplain #advance advances} it by. */
    public static MutableClock followingSystemTime() {
        return new MutableClock(new Reading(null, Duration.ZERO));
    }

    /** Moves the clock by {@code by} (negative: back). */
    public synchronized void advance(Duration by) {
        reading = new Reading(reading.fixed(), reading.offset().plus(by));
    }

    /** Makes the clock read {@code instant} now; a clock following the system time goes on from there. */
    public synchronized void set(Instant instant) {
        reading = reading.fixed() == null
                ? new Reading(null, Duration.between(Instant.now(), instant))
                : new Reading(instant, Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return reading.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @return this clock: a test clock stays in UTC */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + "]";
    }
}

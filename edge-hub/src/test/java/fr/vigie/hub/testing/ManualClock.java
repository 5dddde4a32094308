package fr.vigie.hub.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock the test moves forward, so that time "passes" without waiting: either standing still at a
 * given instant ({@link #ManualClock(Instant)}) or following the system clock plus the offset the
 * test added ({@link #followingSystemTime()}). Thread-safe.
 */
public final class ManualClock extends Clock {
    private final Supplier<Instant> base;
    private volatile Duration offset = Duration.ZERO;

    public ManualClock(Instant start) {
        this(() -> start);
    }

    private ManualClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** The system clock, plus whatever the test {@link #advance advances} it by. */
    public static ManualClock followingSystemTime() {
        return new ManualClock(Instant::now);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset);
    }
}

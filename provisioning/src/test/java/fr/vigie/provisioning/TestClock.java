package fr.vigie.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set and move by hand. Not thread-safe. */
public final class TestClock extends Clock {
    private Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    /** A clock at the real current second, so that certificates it dates are valid for the JDK too. */
    public static TestClock atRealNow() {
        return new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}

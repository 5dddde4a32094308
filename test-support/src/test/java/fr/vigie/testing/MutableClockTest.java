package fr.vigie.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void standingClockMovesOnlyWhenTheTestMovesIt() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Thread.sleep(5);
        assertEquals(T0, clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(T0.plusSeconds(300), clock.instant());
        assertEquals(T0.plusSeconds(300).toEpochMilli(), clock.millis());
        clock.advance(Duration.ofMinutes(-10));
        assertEquals(T0.minusSeconds(300), clock.instant());
        clock.set(T0.plusSeconds(1));
        assertEquals(T0.plusSeconds(1), clock.instant());
    }

    @Test
    void followingClockRunsWithTheSystemClockPlusWhatTheTestAdded() {
        MutableClock clock = MutableClock.followingSystemTime();
        clock.advance(Duration.ofDays(3));
        Instant expected = Instant.now().plus(Duration.ofDays(3));
        assertTrue(Duration.between(expected, clock.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0);
        clock.set(T0);
        Instant read = clock.instant();
        assertTrue(!read.isBefore(T0) && read.isBefore(T0.plusSeconds(5)), "reads " + read);
    }

    @Test
    void atRealNowStandsAtTheCurrentSecond() {
        MutableClock clock = MutableClock.atRealNow();
        assertEquals(0, clock.instant().getNano());
        assertTrue(Duration.between(clock.instant(), Instant.now()).compareTo(Duration.ofSeconds(5)) < 0);
    }
}

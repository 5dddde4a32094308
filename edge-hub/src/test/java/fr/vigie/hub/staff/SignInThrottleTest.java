package fr.vigie.hub.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    @Test
    void aLoginIsHeldBackFromThirtySecondsDoublingButNeverMoreThanFiveMinutes() {
        assertEquals(Duration.ZERO, SignInThrottle.ACCOUNT.lockFor(4));
        assertEquals(Duration.ofSeconds(30), SignInThrottle.ACCOUNT.lockFor(5));
        assertEquals(Duration.ofSeconds(60), SignInThrottle.ACCOUNT.lockFor(6));
        assertEquals(Duration.ofSeconds(240), SignInThrottle.ACCOUNT.lockFor(8));
        assertEquals(Duration.ofMinutes(5), SignInThrottle.ACCOUNT.lockFor(9));
        assertEquals(Duration.ofMinutes(5), SignInThrottle.ACCOUNT.lockFor(Integer.MAX_VALUE));
    }

    @Test
    void anAddressIsHeldBackAfterTenFailuresFromOneMinuteUpToAnHour() {
        assertEquals(Duration.ZERO, SignInThrottle.SOURCE.lockFor(9));
        assertEquals(Duration.ofMinutes(1), SignInThrottle.SOURCE.lockFor(10));
        assertEquals(Duration.ofMinutes(32), SignInThrottle.SOURCE.lockFor(15));
        assertEquals(Duration.ofHours(1), SignInThrottle.SOURCE.lockFor(16));
        assertEquals(Duration.ofHours(1), SignInThrottle.SOURCE.lockFor(100_000));
    }
}

package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.config.KioskSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {
    @Test
    void everyTimeoutComesFromItsFleetSettingIncludingTheLockGrace() {
        KioskSettings s = KioskSettings.defaults();

        SessionTimeouts t = SessionTimeouts.from(s);

        assertEquals(Duration.ofSeconds(s.pinEntryTimeoutSeconds()), t.pinEntry());
        assertEquals(Duration.ofSeconds(s.idleLockSeconds()), t.idleLock());
        assertEquals(Duration.ofSeconds(s.presenceLockSeconds()), t.presenceLock());
        assertEquals(Duration.ofSeconds(s.reauthWindowSeconds()), t.reauthWindow());
        assertEquals(Duration.ofSeconds(s.lockGraceSeconds()), t.lockGrace());
    }

    @Test
    void aZeroOrNegativeTimeoutIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SessionTimeouts(
                Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertEquals("idleLock must be a positive duration, got PT0S", e.getMessage());
    }
}

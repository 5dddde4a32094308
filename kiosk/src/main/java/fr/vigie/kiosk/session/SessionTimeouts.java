package fr.vigie.kiosk.session;

import fr.vigie.config.KioskSettings;
import java.time.Duration;

/**
 * The session's time limits. Immutable; every duration must be positive.
 *
 * @param pinEntry how long the kiosk waits for a PIN
 * @param idleLock inactivity before an open session locks
 * @param presenceLock how long the presence sensor must see nobody before an open session locks
 * @param reauthWindow how long after a contact + PIN sign-in a contactless tap re-authenticates
 * @param lockGrace how long a locked session waits before it closes
 */
public record SessionTimeouts(Duration pinEntry, Duration idleLock, Duration presenceLock, Duration reauthWindow,
        Duration lockGrace) {
    public SessionTimeouts {
        positive("pinEntry", pinEntry);
        positive("idleLock", idleLock);
        positive("presenceLock", presenceLock);
        positive("reauthWindow", reauthWindow);
        positive("lockGrace", lockGrace);
    }

    /** The timeouts of the fleet settings {@code kiosk.session.*}, from the local file or a rollout. */
    public static SessionTimeouts from(KioskSettings s) {
        return new SessionTimeouts(Duration.ofSeconds(s.pinEntryTimeoutSeconds()), Duration.ofSeconds(s.idleLockSeconds()),
                Duration.ofSeconds(s.presenceLockSeconds()), Duration.ofSeconds(s.reauthWindowSeconds()),
                Duration.ofSeconds(s.lockGraceSeconds()));
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}

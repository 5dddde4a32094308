package fr.vigie.kiosk.session;

import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.kiosk.session.SessionTimers.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The timers of the session in front of the kiosk, and what they count from: PIN entry (from the PIN
 * request), idle lock (from the last activity), presence lock (from when the sensor last saw nobody),
 * grace period (from the lock), and how long a notice over a locked session stays (as long as a PIN entry).
 * They follow the session's state ({@link #entered}); when one is due it
 * tells its {@link Expiry}, which decides, since the session may have moved on. A locked session that steps
 * behind a sign-in takes its grace timer along ({@link #takeGrace}).
 *
 * <p>Confined to the session's lock, like the {@link SessionStateMachine} that owns it; the
 * {@link SessionTimers} it is given run their tasks under that lock.
 */
final class ForegroundTimers {
    /** What a due timer of session {@code a} tells. Called under the session's lock. */
    interface Expiry {
        void pinEntryExpired(SessionRecord a);

        void idleCheck(SessionRecord a);

        void presenceCheck(SessionRecord a);

        void graceExpired(SessionRecord a);

        /** A notice shown over locked session {@code a} (another clinician's card needed) was up long enough. */
        void noticeExpired(SessionRecord a);
    }

    private final SessionTimeouts timeouts;
    private final Clock clock;
    private final SessionTimers timers;
    private final Expiry expiry;
    private Timer pin;
    private Timer idle;
    private Timer presence;
    private Timer grace;
    private Timer notice;
    private Instant lastActivity;
    private Instant absentSince;

    ForegroundTimers(SessionTimeouts timeouts, Clock clock, SessionTimers timers, Expiry expiry) {
        this.timeouts = timeouts;
        this.clock = clock;
        this.timers = timers;
        this.expiry = expiry;
    }

    /** The session in front, {@code a}, went from {@code from} to {@code to}: its timers follow. */
    void entered(SessionRecord a, SessionState from, SessionState to) {
        if (from == SessionState.PIN_ENTRY) {
            pin = cancel(pin);
        }
        switch (to) {
            case PIN_ENTRY -> pin = replace(pin, timeouts.pinEntry(), () -> expiry.pinEntryExpired(a));
            case OPEN -> {
                grace = cancel(grace);
                lastActivity = clock.instant();
                idle = replace(idle, timeouts.idleLock(), () -> expiry.idleCheck(a));
                if (absentSince != null) {
                    checkPresence(a);
                }
            }
            case LOCKED -> {
                idle = cancel(idle);
                presence = cancel(presence);
                if (from != SessionState.LOCKED) {
                    grace = replace(grace, timeouts.lockGrace(), () -> expiry.graceExpired(a));
                }
            }
            case CARD_DETECTED -> grace = cancel(grace);
            case REFUSED -> {
                idle = cancel(idle);
                presence = cancel(presence);
                grace = cancel(grace);
            }
            default -> {
            }
        }
    }

    /** Someone used the kiosk now. */
    void activity() {
        lastActivity = clock.instant();
    }

    /**
     * Whether open session {@code a} has been idle for {@link SessionTimeouts#idleLock()}; if not yet, checks
     * again when it would be.
     */
    boolean idleLongEnough(SessionRecord a) {
        Duration left = timeouts.idleLock().minus(Duration.between(lastActivity, clock.instant()));
        if (left.isZero() || left.isNegative()) {
            return true;
        }
        idle = replace(idle, left, () -> expiry.idleCheck(a));
        return false;
    }

    /** The presence sensor changed; {@code open} is the open session in front, or null. */
    void presence(PresenceChange change, SessionRecord open) {
        if (change.present()) {
            absentSince = null;
            presence = cancel(presence);
            return;
        }
        if (absentSince == null) {
            absentSince = change.at();
        }
        if (open != null) {
            checkPresence(open);
        }
    }

    /**
     * Whether nobody has been in front of open session {@code a} for {@link SessionTimeouts#presenceLock()};
     * if nobody is there but not for that long yet, checks again then.
     */
    boolean nobodyLongEnough(SessionRecord a) {
        if (absentSince == null) {
            return false;
        }
        if (Duration.between(absentSince, clock.instant()).compareTo(timeouts.presenceLock()) >= 0) {
            return true;
        }
        checkPresence(a);
        return false;
    }

    /** @return the grace timer, no longer held here (it goes with a session parked behind a sign-in) */
    Timer takeGrace() {
        Timer t = grace;
        grace = null;
        return t;
    }

    /** The grace timer of a session coming back in front (null if none). */
    void grace(Timer t) {
        grace = cancel(grace);
        grace = t;
    }

    /** A notice was put over locked session {@code a}: it goes after {@link SessionTimeouts#pinEntry()}. */
    void notice(SessionRecord a) {
        notice = replace(notice, timeouts.pinEntry(), () -> expiry.noticeExpired(a));
    }

    void cancelAll() {
        notice = cancel(notice);
        pin = cancel(pin);
        idle = cancel(idle);
        presence = cancel(presence);
        grace = cancel(grace);
    }

    private void checkPresence(SessionRecord a) {
        Duration left = timeouts.presenceLock().minus(Duration.between(absentSince, clock.instant()));
        presence = replace(presence, left.isNegative() ? Duration.ZERO : left, () -> expiry.presenceCheck(a));
    }

    /** Cancels {@code old} and schedules {@code task} in {@code delay}. */
    private Timer replace(Timer old, Duration delay, Runnable task) {
        cancel(old);
        return timers.schedule(delay, task);
    }

    private static Timer cancel(Timer t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }
}

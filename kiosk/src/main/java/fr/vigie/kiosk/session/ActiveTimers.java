package fr.vigie.kiosk.session;

import fr.vigie.kiosk.session.SessionTimers.Timer;

/** The timers of the session in front of the kiosk; guarded by the session's lock. */
final class ActiveTimers {
    private Timer pin;
    private Timer idle;
    private Timer presence;
    private Timer grace;

    void pin(Timer t) {
        cancelPin();
        pin = t;
    }

    void idle(Timer t) {
        cancelIdle();
        idle = t;
    }

    void presence(Timer t) {
        cancelPresence();
        presence = t;
    }

    void grace(Timer t) {
        cancelGrace();
        grace = t;
    }

    /** @return the grace timer, now no longer held here (it moves with a parked session) */
    Timer takeGrace() {
        Timer t = grace;
        grace = null;
        return t;
    }

    void cancelPin() {
        pin = cancel(pin);
    }

    void cancelIdle() {
        idle = cancel(idle);
    }

    void cancelPresence() {
        presence = cancel(presence);
    }

    void cancelGrace() {
        grace = cancel(grace);
    }

    void cancelAll() {
        cancelPin();
        cancelIdle();
        cancelPresence();
        cancelGrace();
    }

    private static Timer cancel(Timer t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }
}

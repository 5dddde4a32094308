package fr.vigie.kiosk.link;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One MQTT connection, from CONNACK until it is lost: its publish window (what the kiosk asked for,
 * capped by the broker's Receive Maximum) and the events currently in flight on it. Acknowledgements
 * are counted against the session the publish went out on, so a late callback from a dead connection
 * can never open the window of the next one. Thread-safe.
 */
final class Session {
    private final long number;
    private final int window;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean alive = true;

    Session(long number, int window) {
        this.number = number;
        this.window = window;
    }

    long number() {
        return number;
    }

    int window() {
        return window;
    }

    int inFlight() {
        return inFlight.get();
    }

    void sent() {
        inFlight.incrementAndGet();
    }

    void settled() {
        inFlight.decrementAndGet();
    }

    boolean alive() {
        return alive;
    }

    void end() {
        alive = false;
    }

    @Override
    public String toString() {
        return "session " + number;
    }
}

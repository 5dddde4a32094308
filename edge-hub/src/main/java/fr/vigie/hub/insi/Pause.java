package fr.vigie.hub.insi;

import java.time.Duration;

/**
 * How the client waits between retries. Production uses {@link #SLEEP}; tests pass one that
 * records the pauses (and may move a test clock) instead of waiting.
 */
@FunctionalInterface
public interface Pause {
    /** Thread.sleep, giving up on interrupt. */
    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    void pause(Duration duration) throws InterruptedException;
}

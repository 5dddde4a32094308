package fr.vigie.hardware.gpio;

import java.util.function.Consumer;

/**
 * A sensor that reports whether someone stands in front of the kiosk (PIR or radar module on a
 * digital input). Thread-safe. Listeners are called on the sensor's event thread, must be quick
 * and must not throw.
 */
public interface PresenceSensor {
    /** Registers {@code listener} for every later change. */
    void addListener(Consumer<PresenceChange> listener);

    /** @return whether someone is seen right now */
    boolean present();
}

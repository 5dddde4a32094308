package fr.vigie.hardware.gpio;

import java.time.Instant;
import java.util.Objects;

/**
 * The presence sensor started or stopped seeing someone in front of the kiosk. Immutable.
 *
 * @param present whether someone is there now
 * @param at when the sensor changed, by the sensor's injected clock
 */
public record PresenceChange(boolean present, Instant at) {
    public PresenceChange {
        Objects.requireNonNull(at, "at");
    }
}

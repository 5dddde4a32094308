package fr.vigie.hardware.gpio;

/**
 * The kiosk's status LED. Implementations are thread-safe; {@link #show} takes effect at once.
 */
public interface StatusLed {
    /** Lights the LED in {@code colour} ({@link LedColour#OFF} switches it off). */
    void show(LedColour colour);

    /** @return the colour last shown */
    LedColour colour();
}

package fr.vigie.hardware.gpio;

/**
 * The kiosk's buzzer. Implementations are thread-safe and never block the caller: a pattern plays
 * through a {@link Delays} scheduler; a new pattern cuts the one playing.
 */
public interface Buzzer {
    /** Starts playing {@code pattern}. */
    void beep(BeepPattern pattern);

    /** @return whether the buzzer is sounding right now */
    boolean sounding();
}

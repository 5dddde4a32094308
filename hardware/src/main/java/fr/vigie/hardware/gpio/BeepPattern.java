package fr.vigie.hardware.gpio;

import java.time.Duration;
import java.util.List;

/**
 * What the buzzer plays: alternating on and off durations, starting with "on". Stable names, so
 * the UI, the audit and the tests speak of the same sounds.
 */
public enum BeepPattern {
    /** One short beep: signed in, unlocked. */
    ACCEPT(80),
    /** Two long beeps: wrong PIN, refused card. */
    REFUSE(300, 150, 300),
    /** One long beep: the session just locked. */
    LOCK(400);

    private final List<Duration> steps;

    BeepPattern(long... millis) {
        this.steps = java.util.Arrays.stream(millis).mapToObj(Duration::ofMillis).toList();
    }

    /** @return on, off, on… durations; an odd count, the buzzer is off after the last one */
    public List<Duration> steps() {
        return steps;
    }
}

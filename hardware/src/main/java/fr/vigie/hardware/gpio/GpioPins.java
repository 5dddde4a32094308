package fr.vigie.hardware.gpio;

/**
 * The BCM pin numbers of the kiosk's peripherals. Immutable; checked on construction: every pin is one of the
 * Raspberry Pi's GPIO 0 to {@value #MAX_BCM}, and no two {@link Role roles} share one ({@link SharedPin}).
 *
 * @param ledRed BCM pin of the LED's red channel
 * @param ledGreen BCM pin of the LED's green channel
 * @param ledBlue BCM pin of the LED's blue channel
 * @param buzzer BCM pin driving the buzzer
 * @param presence BCM pin of the presence sensor's output
 * @param presenceActiveHigh whether a high level means "someone is there"
 */
public record GpioPins(int ledRed, int ledGreen, int ledBlue, int buzzer, int presence, boolean presenceActiveHigh) {
    /** The highest BCM GPIO number on the Raspberry Pi's 40-pin header. */
    public static final int MAX_BCM = 27;

    /** What a pin is wired to. */
    public enum Role { LED_RED, LED_GREEN, LED_BLUE, BUZZER, PRESENCE }

    /** Two roles were given the same pin. */
    public static final class SharedPin extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Role first;
        private final Role second;
        private final int pin;

        SharedPin(Role first, Role second, int pin) {
            super(first + " and " + second + " share BCM pin " + pin);
            this.first = first;
            this.second = second;
            this.pin = pin;
        }

        /** The role given the pin first (in {@link Role} order). */
        public Role first() {
            return first;
        }

        /** The role given it again. */
        public Role second() {
            return second;
        }

        public int pin() {
            return pin;
        }
    }

    public GpioPins {
        Role[] roles = Role.values();
        int[] all = {ledRed, ledGreen, ledBlue, buzzer, presence};
        for (int i = 0; i < roles.length; i++) {
            if (all[i] < 0 || all[i] > MAX_BCM) {
                throw new IllegalArgumentException(roles[i] + ": BCM pin must be 0.." + MAX_BCM + ", got " + all[i]);
            }
            for (int j = 0; j < i; j++) {
                if (all[i] == all[j]) {
                    throw new SharedPin(roles[j], roles[i], all[i]);
                }
            }
        }
    }

    /** The pin of one role. */
    public int pin(Role role) {
        return switch (role) {
            case LED_RED -> ledRed;
            case LED_GREEN -> ledGreen;
            case LED_BLUE -> ledBlue;
            case BUZZER -> buzzer;
            case PRESENCE -> presence;
        };
    }

    /** @return the reference wiring of the Vigie kiosk HAT */
    public static GpioPins defaults() {
        return new GpioPins(17, 27, 22, 18, 23, true);
    }

    /** For a log line: {@code LED red 17, green 27, blue 22, buzzer 18, presence 23 (active high)}. */
    @Override
    public String toString() {
        return "LED red " + ledRed + ", green " + ledGreen + ", blue " + ledBlue + ", buzzer " + buzzer + ", presence "
                + presence + (presenceActiveHigh ? " (active high)" : " (active low)");
    }
}

package fr.vigie.hardware.gpio;

/**
 * The BCM pin numbers of the kiosk's peripherals. Immutable; checked on construction.
 *
 * @param ledRed BCM pin of the LED's red channel
 * @param ledGreen BCM pin of the LED's green channel
 * @param ledBlue BCM pin of the LED's blue channel
 * @param buzzer BCM pin driving the buzzer
 * @param presence BCM pin of the presence sensor's output
 * @param presenceActiveHigh whether a high level means "someone is there"
 */
public record GpioPins(int ledRed, int ledGreen, int ledBlue, int buzzer, int presence, boolean presenceActiveHigh) {
    private static final int MAX_BCM = 27;

    public GpioPins {
        int[] all = {ledRed, ledGreen, ledBlue, buzzer, presence};
        String[] names = {"ledRed", "ledGreen", "ledBlue", "buzzer", "presence"};
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 0 || all[i] > MAX_BCM) {
                throw new IllegalArgumentException(names[i] + ": BCM pin must be 0.." + MAX_BCM + ", got " + all[i]);
            }
            for (int j = 0; j < i; j++) {
                if (all[i] == all[j]) {
                    throw new IllegalArgumentException(names[i] + " and " + names[j] + " share BCM pin " + all[i]);
                }
            }
        }
    }

    /** @return the reference wiring of the Vigie kiosk HAT */
    public static GpioPins defaults() {
        return new GpioPins(17, 27, 22, 18, 23, true);
    }
}

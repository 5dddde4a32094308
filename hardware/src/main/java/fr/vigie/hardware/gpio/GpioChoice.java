package fr.vigie.hardware.gpio;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPIO provider a kiosk runs on and why, in words IT can act on: made by {@link GpioProvider#detect} (the
 * {@code auto} choice, from the board's device tree) or {@link #forced} (the setting names the provider).
 * Immutable.
 *
 * @param provider the provider
 * @param reason why this provider, e.g. {@code /proc/device-tree/model names "Raspberry Pi 5 Model B Rev 1.0"}
 * @param detected whether it was detected rather than forced: a detected gpiod provider that cannot be opened
 *        falls back to the mock (see {@link #open}), a forced one fails
 */
public record GpioChoice(GpioProvider provider, String reason, boolean detected) {
    private static final Logger LOG = LoggerFactory.getLogger(GpioChoice.class);

    public GpioChoice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    /** The provider a setting names, whatever the machine. */
    public static GpioChoice forced(GpioProvider provider) {
        return new GpioChoice(provider, "forced by the setting", false);
    }

    /**
     * Opens the board on this choice's provider. When a detected gpiod provider cannot be opened (no GPIO
     * character device, no access to it), that is logged at ERROR and the board runs on the mock instead, its
     * {@link Pi4jBoard#choice() choice} saying why; a forced provider that cannot be opened throws.
     */
    public Pi4jBoard open(GpioPins pins, Clock clock, Delays delays) {
        if (!detected || provider == GpioProvider.MOCK) {
            return provider.board(this, pins, clock, delays);
        }
        try {
            return provider.board(this, pins, clock, delays);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("the Raspberry Pi's GPIO cannot be opened ({}): status LED, buzzer and presence sensor"
                    + " simulated", e.toString());
            GpioChoice fallback = new GpioChoice(GpioProvider.MOCK, reason + ", but its GPIO could not be opened ("
                    + e.getClass().getSimpleName() + ")", true);
            return GpioProvider.MOCK.board(fallback, pins, clock, delays);
        }
    }

    /** For a log line: {@code gpiod (/proc/device-tree/model names "Raspberry Pi 5 Model B Rev 1.0")}. */
    @Override
    public String toString() {
        return provider.settingValue() + " (" + reason + ")";
    }
}

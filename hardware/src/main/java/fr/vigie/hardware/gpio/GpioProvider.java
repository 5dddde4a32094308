package fr.vigie.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Which Pi4J provider drives the kiosk's GPIO. {@link #GPIOD} is the Raspberry Pi's: the kernel's GPIO
 * character device through libgpiod (Pi4J's gpiod plugin), which works on Raspberry Pi OS Bookworm on both the
 * Pi 4 and the Pi 5 (the Pi 5's RP1 chip rules pigpio out, and the sysfs interface is deprecated). {@link #MOCK}
 * is Pi4J's mock platform, for every other machine. {@link #detect} makes the {@code auto} choice from the board's
 * device tree.
 */
public enum GpioProvider {
    /** Pi4J's gpiod plugin on {@code /dev/gpiochip*}. */
    GPIOD,
    /** Pi4J's mock platform: the demo's and the tests' board. */
    MOCK;

    /** Where a device-tree board names itself, e.g. {@code Raspberry Pi 5 Model B Rev 1.0}. */
    public static final Path DEVICE_TREE_MODEL = Path.of(Pi4jPlatform.DEVICE_TREE_MODEL);

    /** {@link #GPIOD} when {@code deviceTreeModel} names a Raspberry Pi, {@link #MOCK} otherwise. */
    public static GpioProvider detect(Path deviceTreeModel) {
        return raspberryPiModel(deviceTreeModel).isPresent() ? GPIOD : MOCK;
    }

    /** The board's model when the device tree names a Raspberry Pi (the file ends with a NUL byte). */
    public static Optional<String> raspberryPiModel(Path deviceTreeModel) {
        try {
            String model = new String(Files.readAllBytes(deviceTreeModel), StandardCharsets.US_ASCII)
                    .replace("\0", "").strip();
            return model.startsWith("Raspberry Pi") ? Optional.of(model) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Builds the board on this provider. */
    public Pi4jBoard board(GpioPins pins, Clock clock, Delays delays) {
        return switch (this) {
            case GPIOD -> Pi4jBoard.on(Pi4J.newContextBuilder()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()).build(),
                    pins, clock, delays);
            case MOCK -> Pi4jBoard.onMockPlatform(pins, clock, delays);
        };
    }
}

package fr.vigie.hardware.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Pi4J provider drives the kiosk's GPIO, and the one place that tells a Raspberry Pi from any other
 * machine. {@link #GPIOD} is the Raspberry Pi's: the kernel's GPIO character device through libgpiod (Pi4J's
 * gpiod plugin), which works on Raspberry Pi OS Bookworm on both the Pi 4 and the Pi 5 (the Pi 5's RP1 chip rules
 * pigpio out, and the sysfs interface is deprecated). {@link #MOCK} is Pi4J's mock platform, for every other
 * machine. {@link #detect} makes the {@code auto} choice from the board's device tree, which on every Raspberry Pi
 * names the model in {@value #DEVICE_TREE_MODEL_FILE}.
 */
public enum GpioProvider {
    /** Pi4J's gpiod plugin on {@code /dev/gpiochip*}. */
    GPIOD,
    /** Pi4J's mock platform: the demo's and the tests' board. */
    MOCK;

    /** Where a device-tree board (every Raspberry Pi) names itself, e.g. {@code Raspberry Pi 5 Model B Rev 1.0}. */
    public static final String DEVICE_TREE_MODEL_FILE = "/proc/device-tree/model";
    /** {@value #DEVICE_TREE_MODEL_FILE} as a path. */
    public static final Path DEVICE_TREE_MODEL = Path.of(DEVICE_TREE_MODEL_FILE);

    /** The setting's word for this provider: {@code gpiod}, {@code mock}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code auto} choice: {@link #GPIOD} when {@code deviceTreeModel} names a Raspberry Pi, {@link #MOCK}
     * otherwise, with the reason (the model named, another board, or no device tree at all).
     */
    public static GpioChoice detect(Path deviceTreeModel) {
        Optional<String> model = model(deviceTreeModel);
        if (model.isEmpty()) {
            return new GpioChoice(MOCK, "no readable " + deviceTreeModel + ": not a Raspberry Pi", true);
        }
        if (!isRaspberryPi(model.get())) {
            return new GpioChoice(MOCK, deviceTreeModel + " names \"" + model.get() + "\", not a Raspberry Pi", true);
        }
        return new GpioChoice(GPIOD, deviceTreeModel + " names \"" + model.get() + "\"", true);
    }

    /** The board's model when the device tree names a Raspberry Pi. */
    public static Optional<String> raspberryPiModel(Path deviceTreeModel) {
        return model(deviceTreeModel).filter(GpioProvider::isRaspberryPi);
    }

    private static boolean isRaspberryPi(String model) {
        return model.startsWith("Raspberry Pi");
    }

    /** What a device tree's model file says (the kernel ends it with a NUL byte); empty when absent or blank. */
    private static Optional<String> model(Path deviceTreeModel) {
        try {
            String model = new String(Files.readAllBytes(deviceTreeModel), StandardCharsets.US_ASCII)
                    .replace("\0", "").strip();
            return model.isEmpty() ? Optional.empty() : Optional.of(model);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Builds the board on this provider, said to be chosen by {@code choice}. */
    Pi4jBoard board(GpioChoice choice, GpioPins pins, Clock clock, Delays delays) {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(pins, "pins");
        return switch (this) {
            case GPIOD -> Pi4jBoard.on(Pi4jPlatform.gpiod(), choice, pins, clock, delays);
            case MOCK -> Pi4jBoard.on(Pi4jPlatform.mock(), choice, pins, clock, delays);
        };
    }
}

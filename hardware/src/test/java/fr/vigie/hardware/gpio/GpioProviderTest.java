package fr.vigie.hardware.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiosk.gpio=auto} on fake device trees: the gpiod provider on a Raspberry Pi as its device tree names it,
 * the mock elsewhere, each with the reason IT reads in the kiosk's log.
 */
class GpioProviderTest {
    @TempDir
    Path dir;

    private Path deviceTree(String model) throws Exception {
        // the kernel's file ends with a NUL byte
        return Files.write(dir.resolve("model"), (model + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void raspberryPi4And5GetTheGpiodProviderNamingTheModel() throws Exception {
        GpioChoice pi5 = GpioProvider.detect(deviceTree("Raspberry Pi 5 Model B Rev 1.0"));
        assertEquals(GpioProvider.GPIOD, pi5.provider());
        assertThat(pi5.detected()).isTrue();
        assertEquals("gpiod (" + dir.resolve("model") + " names \"Raspberry Pi 5 Model B Rev 1.0\")", pi5.toString());

        assertEquals(GpioProvider.GPIOD, GpioProvider.detect(deviceTree("Raspberry Pi 4 Model B Rev 1.5")).provider());
        assertEquals(Optional.of("Raspberry Pi 4 Model B Rev 1.5"), GpioProvider.raspberryPiModel(dir.resolve("model")));
    }

    @Test
    void anotherBoardGetsTheMockSayingWhichBoardItIs() throws Exception {
        GpioChoice rock = GpioProvider.detect(deviceTree("Radxa ROCK 5B"));
        assertEquals(GpioProvider.MOCK, rock.provider());
        assertThat(rock.reason()).contains("\"Radxa ROCK 5B\"", "not a Raspberry Pi");
        assertEquals(Optional.empty(), GpioProvider.raspberryPiModel(dir.resolve("model")));
    }

    @Test
    void noDeviceTreeOrAnEmptyOneGetsTheMock() throws Exception {
        GpioChoice absent = GpioProvider.detect(dir.resolve("absent"));
        assertEquals(GpioProvider.MOCK, absent.provider());
        assertEquals("no readable " + dir.resolve("absent") + ": not a Raspberry Pi", absent.reason());
        assertEquals(GpioProvider.MOCK, GpioProvider.detect(Files.writeString(dir.resolve("empty"), "\0")).provider());
        assertEquals(GpioProvider.MOCK, GpioProvider.detect(dir).provider()); // a directory, not a model file
    }

    @Test
    void aForcedProviderSaysSo() {
        GpioChoice forced = GpioChoice.forced(GpioProvider.GPIOD);
        assertThat(forced.detected()).isFalse();
        assertEquals("gpiod (forced by the setting)", forced.toString());
    }

    @Test
    void theMockProviderBuildsAWorkingBoardOnTheGivenPins() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        GpioPins pins = new GpioPins(5, 6, 13, 19, 26, false);
        try (Pi4jBoard board = GpioProvider.detect(dir.resolve("absent")).open(pins, Clock.systemUTC(), Delays.of(scheduler))) {
            assertEquals(GpioProvider.MOCK, board.choice().provider());
            assertEquals(pins, board.pins());
            assertEquals(26, board.context().io("presence", com.pi4j.io.gpio.digital.DigitalInput.class).address());
            board.simulatePresence(true);
            assertEquals(true, board.presenceSensor().present());
        } finally {
            scheduler.shutdownNow();
        }
    }
}

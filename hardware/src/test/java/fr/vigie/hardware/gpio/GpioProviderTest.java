package fr.vigie.hardware.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk.gpio=auto}: the gpiod provider on a Raspberry Pi as its device tree names it, the mock elsewhere. */
class GpioProviderTest {
    @TempDir
    Path dir;

    private Path deviceTree(String model) throws Exception {
        // the kernel's file ends with a NUL byte
        return Files.write(dir.resolve("model"), (model + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void raspberryPi4And5GetTheGpiodProvider() throws Exception {
        assertEquals(GpioProvider.GPIOD, GpioProvider.detect(deviceTree("Raspberry Pi 5 Model B Rev 1.0")));
        assertEquals(GpioProvider.GPIOD, GpioProvider.detect(deviceTree("Raspberry Pi 4 Model B Rev 1.5")));
        assertEquals(Optional.of("Raspberry Pi 4 Model B Rev 1.5"), GpioProvider.raspberryPiModel(dir.resolve("model")));
    }

    @Test
    void anotherBoardOrNoDeviceTreeGetsTheMock() throws Exception {
        assertEquals(GpioProvider.MOCK, GpioProvider.detect(deviceTree("Radxa ROCK 5B")));
        assertEquals(GpioProvider.MOCK, GpioProvider.detect(dir.resolve("absent")));
        assertEquals(GpioProvider.MOCK, GpioProvider.detect(Files.writeString(dir.resolve("empty"), "")));
    }

    @Test
    void theMockProviderBuildsAWorkingBoard() throws Exception {
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (Pi4jBoard board = GpioProvider.MOCK.board(GpioPins.defaults(), java.time.Clock.systemUTC(), Delays.of(scheduler))) {
            board.simulatePresence(true);
            assertEquals(true, board.presenceSensor().present());
        } finally {
            scheduler.shutdownNow();
        }
    }
}

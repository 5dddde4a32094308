package fr.vigie.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts a GPIO board the way a kiosk does, in a JVM of its own (Pi4J probes the board once per JVM), for
 * {@link QuietStartOffPiTest}: {@code detected [MODEL-FILE]} (the {@code kiosk.gpio=auto} path), {@code mock}, or {@code bare} (a Pi4J context
 * built directly, without Vigie's platform check). Prints {@code BOARD READY} once the board is up, with the
 * provider it runs on and why for {@code detected}.
 */
final class BoardStartProbe {
    private BoardStartProbe() {
    }

    public static void main(String[] args) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Clock clock = Clock.systemUTC();
        switch (args[0]) {
            case "detected" -> {
                Path model = args.length > 1 ? Path.of(args[1]) : GpioProvider.DEVICE_TREE_MODEL;
                try (Pi4jBoard board = GpioProvider.detect(model).open(GpioPins.defaults(), clock, Delays.of(scheduler))) {
                    board.statusLed().show(LedColour.GREEN);
                    System.out.println("BOARD READY on " + board.choice());
                }
            }
            case "mock" -> {
                try (Pi4jBoard board = Pi4jBoard.onMockPlatform(GpioPins.defaults(), clock, Delays.of(scheduler))) {
                    board.statusLed().show(LedColour.GREEN);
                    System.out.println("BOARD READY");
                }
            }
            case "bare" -> {
                Context context = Pi4J.newContextBuilder().add(new MockPlatform()).build();
                System.out.println("BOARD READY");
                context.shutdown();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        scheduler.shutdownNow();
    }
}

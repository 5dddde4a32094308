package fr.vigie.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The Pi4J context of each {@link GpioProvider}, built after Pi4J's one-time board probe. Which provider a
 * machine gets is {@link GpioProvider#detect}'s decision, not this class's.
 *
 * <p>Pi4J probes the board once per JVM, the first time any context is built, mock platform included, and
 * logs two ERROR lines when {@value GpioProvider#DEVICE_TREE_MODEL_FILE} is missing: noise at every start of a
 * kiosk or demo off a Pi. The mock's context runs that probe with Pi4J's probe logger switched off (Logback
 * only; with another backend the lines stay): the mock drives no board, so nothing the probe could say matters
 * to it. The gpiod context runs it unsilenced, so a real problem on a Pi is still logged. Thread-safe.
 */
final class Pi4jPlatform {
    /** The logger of Pi4J's one-time board probe. */
    private static final String PROBE_LOGGER = "com.pi4j.boardinfo.util.BoardInfoHelper";
    private static boolean probed;

    private Pi4jPlatform() {
    }

    /** Pi4J's mock platform (digital inputs and outputs), after a quiet board probe. */
    static Context mock() {
        probeOnce(true);
        return Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    }

    /** Pi4J's gpiod plugin (digital inputs and outputs on the GPIO character device), after the board probe. */
    static Context gpiod() {
        probeOnce(false);
        return Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()).build();
    }

    /** Runs Pi4J's board probe if it has not run in this JVM. */
    private static synchronized void probeOnce(boolean quietly) {
        if (probed) {
            return;
        }
        probed = true;
        Runnable restore = quietly ? silence(PROBE_LOGGER) : () -> { };
        try {
            BoardInfoHelper.current();
        } finally {
            restore.run();
        }
    }

    /** Switches a logger off; returns what puts its level back. Does nothing unless Logback is the backend. */
    private static Runnable silence(String logger) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            return () -> { };
        }
        return LogbackLevel.off(factory, logger);
    }

    /** Logback's side, in its own class so that it loads only when Logback is there. */
    private static final class LogbackLevel {
        static Runnable off(ILoggerFactory factory, String name) {
            ch.qos.logback.classic.Logger logger = ((ch.qos.logback.classic.LoggerContext) factory).getLogger(name);
            ch.qos.logback.classic.Level before = logger.getLevel();
            logger.setLevel(ch.qos.logback.classic.Level.OFF);
            return () -> logger.setLevel(before);
        }
    }
}

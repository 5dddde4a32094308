package fr.vigie.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Pi4J platform this machine gets, decided before Pi4J is touched. A Raspberry Pi (any board with a
 * device tree) names itself in {@value #DEVICE_TREE_MODEL}; a PC, a server or a VM has no such file.
 *
 * <p>Pi4J probes the board once per JVM, the first time any context is built, mock platform included, and
 * logs two ERROR lines when that file is missing ({@code cat /proc/device-tree/model} failing): noise at
 * every start of a kiosk or demo off a Pi. Off a device-tree machine this class runs that probe itself with
 * Pi4J's probe logger switched off (Logback only; with another backend the lines stay) and then builds the
 * mock platform; on a board with a device tree nothing is silenced, so a real problem there is still logged,
 * and the context is Pi4J's auto-detected one (the Raspberry Pi plugin deployed on the kiosk). Thread-safe.
 */
final class Pi4jPlatform {
    /** Where a device-tree board (every Raspberry Pi) gives its model name. */
    static final String DEVICE_TREE_MODEL = "/proc/device-tree/model";
    /** The logger of Pi4J's one-time board probe. */
    private static final String PROBE_LOGGER = "com.pi4j.boardinfo.util.BoardInfoHelper";
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jPlatform.class);
    private static boolean probed;

    private Pi4jPlatform() {
    }

    /** Pi4J's mock platform (digital inputs and outputs), after the board probe. */
    static Context mock(Path deviceTreeModel) {
        probeOnce(deviceTreeModel);
        return Pi4J.newContextBuilder().add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    }

    /** On a device-tree board, Pi4J's auto-detected platform; elsewhere the mock platform, said once at INFO. */
    static Context detected(Path deviceTreeModel) {
        if (!isDeviceTreeBoard(deviceTreeModel)) {
            LOG.info("no {}: not a Raspberry Pi, so the status LED, buzzer and presence sensor run on Pi4J's mock"
                    + " platform", deviceTreeModel);
            return mock(deviceTreeModel);
        }
        probeOnce(deviceTreeModel);
        return Pi4J.newAutoContext();
    }

    static boolean isDeviceTreeBoard(Path deviceTreeModel) {
        return Files.isReadable(deviceTreeModel);
    }

    /**
     * Runs Pi4J's board probe if it has not run in this JVM, silencing it only where the file it reads
     * cannot exist.
     */
    private static synchronized void probeOnce(Path deviceTreeModel) {
        if (probed) {
            return;
        }
        probed = true;
        if (isDeviceTreeBoard(deviceTreeModel)) {
            BoardInfoHelper.current();
            return;
        }
        Runnable restore = silence(PROBE_LOGGER);
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

package fr.vigie.hub;

import fr.vigie.protocol.net.BusyPort;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs an edge hub as a process.
 *
 * <pre>
 * java -cp … fr.vigie.hub.HubMain [--config FILE] [--data DIR] [--http-port N] [--mqtt-port N]
 *      [--broker-url URL] [--jdbc-url URL] [--jdbc-user U] [--jdbc-password P] [--set hub.KEY=VALUE]
 * </pre>
 *
 * Once everything serves it prints exactly one line to standard output,
 * {@code VIGIE-HUB READY http=<httpUri> mqtt=<mqttUrl> devices=<deviceApiUri> ca=<root SHA-256>} (logs go to standard error). SIGTERM or
 * Ctrl-C closes the hub cleanly. Exit status: 2 for a bad configuration or command line (the reason on
 * standard error), 1 when the hub cannot start.
 */
public final class HubMain {
    /** Exit status for a configuration or command line the hub cannot use. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when the hub cannot start. */
    public static final int EXIT_START_FAILED = 1;

    private HubMain() {
    }

    public static void main(String[] args) {
        LoggingSetup.configureLogback();
        // Started by a launcher (./vigie demo, the end-to-end tests): go away with it, cleanly, even
        // when the launcher itself is killed.
        if (Boolean.getBoolean("vigie.stop-with-parent")) {
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
        }
        HubConfig config;
        try {
            HubArguments arguments = HubArguments.parse(List.of(args));
            if (arguments.help()) {
                System.out.println(HubArguments.USAGE);
                return;
            }
            config = arguments.load();
        } catch (HubConfigException e) {
            System.err.println("vigie-hub: bad configuration: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        Optional<String> busy = BusyPort.check(HubPorts.of(config));
        if (busy.isPresent()) {
            System.err.println("vigie-hub: cannot start: " + busy.get());
            System.exit(EXIT_START_FAILED);
            return;
        }
        EdgeHub hub;
        try {
            hub = EdgeHub.start(config);
        } catch (HubFilePermissions.InsecureFileException e) {
            System.err.println("vigie-hub: cannot start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        } catch (Exception | LinkageError e) {
            Optional<String> taken = BusyPort.explain(e, HubPorts.of(config)); // taken since the check above
            if (taken.isEmpty()) {
                LoggerFactory.getLogger(HubMain.class).error("the hub could not start", e);
            }
            System.err.println("vigie-hub: cannot start: " + taken.orElse(e.toString()));
            System.exit(EXIT_START_FAILED);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "vigie-hub-shutdown"));
        ready(System.out, hub);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one line that tells a supervisor or a test that the hub serves. */
    static String readyLine(EdgeHub hub) {
        return "VIGIE-HUB READY http=" + hub.httpUri() + " mqtt=" + hub.mqttUrl() + " devices=" + hub.deviceApiUri()
                + " ca=" + hub.siteCa().rootFingerprint() + hub.deviceMqttUrl().map(u -> " mqtt-devices=" + u).orElse("");
    }

    private static void ready(PrintStream out, EdgeHub hub) {
        out.println(readyLine(hub));
        out.flush();
    }
}

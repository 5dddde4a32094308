package fr.vigie.hub;

import fr.vigie.hub.preflight.HubCheck;
import fr.vigie.hub.web.Health;
import fr.vigie.protocol.net.BusyPort;
import fr.vigie.protocol.service.ServiceWatchdog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs an edge hub as a process.
 *
 * <pre>
 * java -cp … fr.vigie.hub.HubMain [--config FILE] [--data DIR] [--http-port N] [--mqtt-port N]
 *      [--broker-url URL] [--jdbc-url URL] [--jdbc-user U] [--jdbc-password P] [--set hub.KEY=VALUE]
 * java -cp … fr.vigie.hub.HubMain check [--config FILE] [--set hub.KEY=VALUE]   (the preflight, {@link HubCheck})
 * java -cp … fr.vigie.hub.HubMain backup|restore …   (see HubMaintenanceCommand)
 * </pre>
 *
 * Once everything serves it prints exactly one line to standard output,
 * {@code VIGIE-HUB READY http=<httpUri> mqtt=<mqttUrl> devices=<deviceApiUri> ca=<root SHA-256>} (logs go to standard error). SIGTERM or
 * Ctrl-C closes the hub cleanly. Under systemd ({@code Type=notify}) it also says READY at that moment, once HTTP,
 * broker and database serve, and feeds the unit's watchdog only while its health ({@code /healthz}) is UP. Exit
 * status: 2 for a bad configuration or command line (the reason on standard error), 1 when the hub cannot start —
 * a port another program holds is said in one line naming the setting that moves it. {@link #run} and
 * {@link #startOnFreePorts} give another launcher (the sandbox's) the same process behaviour around a hub it starts.
 */
public final class HubMain {
    /** Exit status for a configuration or command line the hub cannot use. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when the hub cannot start. */
    public static final int EXIT_START_FAILED = 1;

    /** Starts what a hub process runs; empty when there is nothing to run (e.g. {@code --help}). */
    @FunctionalInterface
    public interface Starter {
        Optional<Started> start() throws Exception;
    }

    /**
     * A started hub, the lines to print before its READY line, and what to close after it.
     *
     * @param announcements lines printed to standard output before the READY line
     * @param companion closed after the hub (e.g. simulators it talks to)
     */
    public record Started(EdgeHub hub, List<String> announcements, AutoCloseable companion) implements AutoCloseable {
        public Started {
            Objects.requireNonNull(hub, "hub");
            announcements = List.copyOf(announcements);
            Objects.requireNonNull(companion, "companion");
        }

        /** Closes the hub, then the companion. */
        @Override
        public void close() throws Exception {
            try {
                hub.close();
            } finally {
                companion.close();
            }
        }
    }

    /** A port the hub must listen on is held by another program; the message is the one line to print. */
    public static final class PortBusy extends Exception {
        private static final long serialVersionUID = 1L;

        PortBusy(String line, Throwable cause) {
            super(line, cause);
        }
    }

    private HubMain() {
    }

    /**
     * Starts a hub after checking that its ports are free (see {@link BusyPort}).
     *
     * @throws PortBusy a port is held by another program, found before the start or by the start's failure
     */
    public static EdgeHub startOnFreePorts(HubConfig config, Clock clock) throws Exception {
        List<BusyPort.Listener> ports = HubPorts.of(config);
        Optional<String> busy = BusyPort.check(ports);
        if (busy.isPresent()) {
            throw new PortBusy(busy.get(), null);
        }
        try {
            return EdgeHub.start(config, clock);
        } catch (Exception e) {
            Optional<String> taken = BusyPort.explain(e, ports); // taken since the check above
            if (taken.isPresent()) {
                throw new PortBusy(taken.get(), e);
            }
            throw e;
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) { // the site's preflight, not a hub
            HubCheck.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && HubMaintenanceCommand.handles(args[0])) {
            LoggingSetup.configureLogback();
            System.exit(HubMaintenanceCommand.run(List.of(args), Clock.systemUTC(), System.out, System.err));
        }
        java.util.OptionalInt settings = settingsCommand(args, System.out, System.err);
        if (settings.isPresent()) {
            if (settings.getAsInt() != 0) {
                System.exit(settings.getAsInt());
            }
            return;
        }
        run("vigie-hub", () -> {
            HubArguments arguments = HubArguments.parse(List.of(args));
            if (arguments.help()) {
                System.out.println(HubArguments.USAGE);
                return Optional.empty();
            }
            return Optional.of(new Started(startOnFreePorts(arguments.load(), Clock.systemUTC()), List.of(), () -> { }));
        });
    }

    /**
     * {@code vigie hub settings [--lang fr|en]}: prints the settings reference and starts nothing.
     *
     * @return the exit status, or empty when {@code args} are not that command
     */
    static java.util.OptionalInt settingsCommand(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length == 0 || !args[0].equals("settings")) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(fr.vigie.config.SettingsReference.command(HubSettingsCatalogue.CATALOGUE,
                List.of(args).subList(1, args.length), out, err));
    }

    /**
     * Runs a hub process: logging through the hub's own configuration, tied to its parent process when
     * {@code -Dvigie.stop-with-parent=true} (a launcher such as {@code ./vigie demo}), then the hub
     * {@code starter} gives, its READY line printed, until SIGTERM or Ctrl-C closes it. Exits with
     * {@link #EXIT_BAD_CONFIG} on a {@link HubConfigException}, {@link #EXIT_START_FAILED} on any other
     * failure to start; {@code name} prefixes the reason on standard error.
     */
    public static void run(String name, Starter starter) {
        LoggingSetup.configureLogback();
        // Started by a launcher (./vigie demo, the end-to-end tests): go away with it, cleanly, even
        // when the launcher itself is killed.
        if (Boolean.getBoolean("vigie.stop-with-parent")) {
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
        }
        Started started;
        try {
            Optional<Started> s = starter.start();
            if (s.isEmpty()) {
                return;
            }
            started = s.get();
        } catch (HubConfigException e) {
            System.err.println(name + ": bad configuration: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        } catch (HubFilePermissions.InsecureFileException | PortBusy e) {
            System.err.println(name + ": cannot start: " + e.getMessage());
            System.exit(EXIT_START_FAILED);
            return;
        } catch (Exception | LinkageError e) {
            LoggerFactory.getLogger(HubMain.class).error("the hub could not start", e);
            System.err.println(name + ": cannot start: " + e);
            System.exit(EXIT_START_FAILED);
            return;
        }
        ready(System.out, started);
        ServiceWatchdog watchdog = ServiceWatchdog.ready(() -> problem(started.hub().health()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watchdog.close();
            try {
                started.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(HubMain.class).warn("while stopping: {}", e.toString());
            }
            stopped.countDown();
        }, name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What is down, in {@code /healthz}'s words, or empty when the hub is fully up: what feeds the watchdog. */
    static Optional<String> problem(Health health) {
        return health.isUp() ? Optional.empty()
                : Optional.of("database " + health.database() + ", broker " + health.broker() + ", ingest " + health.ingest());
    }

    /** The one line that tells a supervisor or a test that the hub serves. */
    public static String readyLine(EdgeHub hub) {
        return "VIGIE-HUB READY http=" + hub.httpUri() + " mqtt=" + hub.mqttUrl() + " devices=" + hub.deviceApiUri()
                + " ca=" + hub.siteCa().rootFingerprint() + hub.deviceMqttUrl().map(u -> " mqtt-devices=" + u).orElse("");
    }

    private static void ready(PrintStream out, Started started) {
        started.announcements().forEach(out::println);
        out.println(readyLine(started.hub()));
        out.flush();
    }
}

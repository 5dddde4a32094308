package fr.vigie.kiosk;

import fr.vigie.kiosk.station.SignInStations;
import fr.vigie.kiosk.station.StationConfig;
import fr.vigie.kiosk.station.UiPorts;
import fr.vigie.protocol.net.BusyPort;
import fr.vigie.protocol.KioskAddress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command-line entry point of the kiosk: one kiosk, or {@code --virtual N} kiosks in this JVM, with
 * optional burst or demo activity. Machine-readable progress goes to stdout, one line each:
 * <pre>
 * VIGIE-KIOSK READY &lt;site&gt;/&lt;kioskId&gt;
 * VIGIE-KIOSK UI &lt;site&gt;/&lt;kioskId&gt; http://127.0.0.1:&lt;port&gt;/
 * VIGIE-KIOSK BURST-ACCEPTED &lt;site&gt;/&lt;kioskId&gt; n=&lt;N&gt;
 * VIGIE-KIOSK DRAINED &lt;site&gt;/&lt;kioskId&gt;
 * </pre>
 * Logs go to stderr. SIGTERM closes the kiosks cleanly (OFFLINE status, outbox closed). A bad
 * configuration prints the reason to stderr and exits with status 2; a kiosk that cannot start
 * (e.g. unreadable outbox) exits with status 1.
 */
public final class KioskMain {
    /** Exit status for a rejected configuration or command line. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit status when a kiosk could not start. */
    public static final int EXIT_START_FAILED = 1;

    private KioskMain() {
    }

    public static void main(String[] args) {
        // Paho logs through java.util.logging: send it to the same place as ours
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Started by a launcher (./vigie demo, the end-to-end tests): go away with it, cleanly, even
        // when the launcher itself is killed.
        if (Boolean.getBoolean("vigie.stop-with-parent")) {
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs until the JVM shuts down; returns early only with a non-zero status (or 0 after --help). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<KioskConfig> configs;
        KioskCommandLine cli;
        try {
            cli = KioskCommandLine.parse(args);
            if (cli.help()) {
                out.print(KioskCommandLine.USAGE);
                return 0;
            }
            Map<String, String> defaults = cli.virtual() > 0
                    ? Map.of(KioskConfig.ID, "kiosk", KioskConfig.DATA_DIR, Path.of("data", "kiosk").toString(),
                            StationConfig.READERS, "sandbox", StationConfig.GPIO, "mock", StationConfig.UI_PORT, "0")
                    : Map.of();
            KioskConfig base = KioskConfig.load(cli.configFile(), defaults, cli.overrides());
            configs = cli.virtual() > 0 ? VirtualFleet.configs(cli.virtual(), base) : List.of(base);
        } catch (KioskConfigException e) {
            err.println("vigie-kiosk: bad configuration: " + e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (IllegalArgumentException e) {
            err.println("vigie-kiosk: bad configuration: " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        List<BusyPort.Listener> ports = UiPorts.listeners(configs.stream().map(KioskConfig::station).toList());
        Optional<String> busy = BusyPort.check(ports);
        if (busy.isPresent()) {
            err.println("vigie-kiosk: cannot start: " + busy.get());
            return EXIT_START_FAILED;
        }
        VirtualFleet fleet;
        try {
            fleet = VirtualFleet.start(configs, new StdoutReport(out));
        } catch (Exception e) {
            err.println("vigie-kiosk: cannot start: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        SignInStations stations;
        try {
            StdoutReport report = new StdoutReport(out);
            stations = SignInStations.start(fleet.kiosks(), (kiosk, s) -> report.line("UI " + kiosk + " " + s.uri()));
        } catch (RuntimeException e) {
            fleet.close();
            err.println("vigie-kiosk: cannot start the sign-in screen: "
                    + BusyPort.explain(e, ports).orElse(e.getMessage())); // a port taken since the check above
            return EXIT_START_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stations.close();
            fleet.close();
            stopped.countDown();
        }, "vigie-kiosk-shutdown"));
        if (cli.burst() > 0) {
            fleet.burst(cli.burst(), cli.rate());
        }
        if (cli.activityEvery() != null) {
            fleet.startActivity(cli.activityEvery());
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Prints the fleet's progress lines on stdout. */
    private record StdoutReport(PrintStream out) implements VirtualFleet.Listener {
        @Override
        public void ready(KioskAddress kiosk) {
            line("READY " + kiosk);
        }

        @Override
        public void burstAccepted(KioskAddress kiosk, long n) {
            line("BURST-ACCEPTED " + kiosk + " n=" + n);
        }

        @Override
        public void drained(KioskAddress kiosk) {
            line("DRAINED " + kiosk);
        }

        private void line(String text) {
            synchronized (out) {
                out.println("VIGIE-KIOSK " + text);
                out.flush();
            }
        }
    }
}

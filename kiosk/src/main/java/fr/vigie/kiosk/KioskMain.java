package fr.vigie.kiosk;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.demo.DemoStations;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.preflight.KioskCheck;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.station.StationReaders;
import fr.vigie.kiosk.station.UiPorts;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.net.BusyPort;
import fr.vigie.protocol.service.ServiceWatchdog;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Command-line entry point and composition root of the kiosk. Without demo options it builds ONE production
 * kiosk from its {@link KioskConfig}: the {@link Kiosk} (durable outbox, hub link, device identity, card
 * trust) and its {@link SignInStation} on the machine's PC/SC readers, checked by the kiosk's own IGC-Santé
 * trust. The demo runs — {@code --virtual N} kiosks, {@code --burst} or {@code --activity-every} simulated
 * activity, or {@code kiosk.card.readers=sandbox} — go to the demo package ({@link VirtualFleet},
 * {@link DemoStations}); nothing else of the kiosk knows about it. Machine-readable progress goes to stdout,
 * one line each:
 * <pre>
 * VIGIE-KIOSK READY &lt;site&gt;/&lt;kioskId&gt;
 * VIGIE-KIOSK UI &lt;site&gt;/&lt;kioskId&gt; http://127.0.0.1:&lt;port&gt;/
 * VIGIE-KIOSK BURST-ACCEPTED &lt;site&gt;/&lt;kioskId&gt; n=&lt;N&gt;
 * VIGIE-KIOSK DRAINED &lt;site&gt;/&lt;kioskId&gt;
 * </pre>
 * Under systemd ({@code Type=notify}) the production kiosk also says READY once its touch UI serves and feeds
 * the unit's watchdog only while {@link KioskHealth} finds it healthy.
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
        if (args.length > 0 && args[0].equals("check")) { // the kiosk's preflight, not a kiosk
            KioskCheck.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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
        if (args.length > 0 && args[0].equals("settings")) {
            // the settings reference: nothing starts
            return fr.vigie.config.SettingsReference.command(fr.vigie.kiosk.config.KioskSettingsCatalogue.CATALOGUE,
                    List.of(args).subList(1, args.length), out, err);
        }
        KioskCommandLine cli;
        KioskConfig config;
        List<KioskConfig> demoConfigs;
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
            config = KioskConfig.load(cli.configFile(), defaults, cli.overrides());
            demoConfigs = cli.virtual() > 0 ? VirtualFleet.configs(cli.virtual(), config) : List.of(config);
            demoConfigs = withAdmissionDesk(demoConfigs, cli.admissionDesk());
        } catch (KioskConfigException | IllegalArgumentException e) {
            err.println("vigie-kiosk: bad configuration: " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        boolean demo = isDemo(cli, config);
        // a UI port another program holds is said in one line, before anything starts
        List<BusyPort.Listener> ports = UiPorts.listeners((demo ? demoConfigs : List.of(config)).stream()
                .map(KioskConfig::station).toList());
        Optional<String> busy = BusyPort.check(ports);
        if (busy.isPresent()) {
            err.println("vigie-kiosk: cannot start: " + busy.get());
            return EXIT_START_FAILED;
        }
        StdoutReport report = new StdoutReport(out);
        AutoCloseable running;
        try {
            running = demo ? startDemo(cli, demoConfigs, report, ports) : startKiosk(config, report, ports);
        } catch (StartFailed e) {
            err.println("vigie-kiosk: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(running, err);
            stopped.countDown();
        }, "vigie-kiosk-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The configurations with kiosk {@code deskId} (if not null) an admission desk; it must be one of them. */
    private static List<KioskConfig> withAdmissionDesk(List<KioskConfig> configs, String deskId) {
        if (deskId == null) {
            return configs;
        }
        if (configs.stream().noneMatch(c -> c.kioskId().equals(deskId))) {
            throw new IllegalArgumentException("--admission-desk " + deskId + " is none of the virtual kiosks "
                    + configs.get(0).kioskId() + "…" + configs.get(configs.size() - 1).kioskId());
        }
        return configs.stream().map(c -> c.kioskId().equals(deskId) ? c.withStation(c.station().asAdmissionDesk()) : c)
                .toList();
    }

    /** Simulated activity, several kiosks in this JVM, or the demo's virtual card readers. */
    private static boolean isDemo(KioskCommandLine cli, KioskConfig config) {
        return cli.virtual() > 0 || cli.burst() > 0 || cli.activityEvery() != null
                || config.station().readers() == StationConfig.Readers.SANDBOX;
    }

    /** The production kiosk: its outbox, hub link and identity, then its workstation on the PC/SC readers. */
    private static AutoCloseable startKiosk(KioskConfig config, StdoutReport report, List<BusyPort.Listener> ports)
            throws StartFailed {
        Kiosk kiosk;
        try {
            kiosk = Kiosk.start(config);
        } catch (Exception e) {
            throw new StartFailed("cannot start: " + e.getMessage());
        }
        report.ready(kiosk.address());
        SignInStation station;
        try {
            station = SignInStation.startFor(kiosk, config.station(), StationReaders.pcsc(),
                    kiosk.cardTrust().certificateCheck());
        } catch (RuntimeException e) {
            kiosk.close();
            throw signInFailed(e, ports);
        }
        report.ui(kiosk.address(), station.uri());
        kiosk.clinicianSession(() -> station.session().sessionId().isPresent());
        ServiceWatchdog watchdog = ServiceWatchdog.ready(new KioskHealth(kiosk, station.uri()));
        return () -> {
            try {
                watchdog.close();
                station.close();
            } finally {
                kiosk.close();
            }
        };
    }

    /** The demo: {@code --virtual N} kiosks (or the configured one) with their stations and simulated activity. */
    private static AutoCloseable startDemo(KioskCommandLine cli, List<KioskConfig> configs, StdoutReport report,
            List<BusyPort.Listener> ports) throws StartFailed {
        VirtualFleet fleet;
        try {
            fleet = VirtualFleet.start(configs, new VirtualFleet.Listener() {
                @Override
                public void ready(KioskAddress kiosk) {
                    report.ready(kiosk);
                }

                @Override
                public void burstAccepted(KioskAddress kiosk, long n) {
                    report.line("BURST-ACCEPTED " + kiosk + " n=" + n);
                }

                @Override
                public void drained(KioskAddress kiosk) {
                    report.line("DRAINED " + kiosk);
                }
            });
        } catch (Exception e) {
            throw new StartFailed("cannot start: " + e.getMessage());
        }
        DemoStations stations;
        try {
            stations = DemoStations.start(fleet.kiosks(), cli.sandbox(),
                    (kiosk, station) -> report.ui(kiosk, station.uri()));
        } catch (RuntimeException e) {
            fleet.close();
            throw signInFailed(e, ports);
        }
        if (cli.burst() > 0) {
            fleet.burst(cli.burst(), cli.rate());
        }
        if (cli.activityEvery() != null) {
            fleet.startActivity(cli.activityEvery());
        }
        return () -> {
            try {
                stations.close();
            } finally {
                fleet.close();
            }
        };
    }

    /** The sign-in screen did not start: a UI port taken since the check is named in one line. */
    private static StartFailed signInFailed(RuntimeException e, List<BusyPort.Listener> ports) {
        return new StartFailed("cannot start the sign-in screen: " + BusyPort.explain(e, ports).orElse(e.getMessage()));
    }

    private static void closeQuietly(AutoCloseable running, PrintStream err) {
        try {
            running.close();
        } catch (Exception e) {
            err.println("vigie-kiosk: closing failed: " + e);
        }
    }

    /** A kiosk could not start; the message says what and why. */
    private static final class StartFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailed(String message) {
            super(message);
        }
    }

    /** Prints the progress lines on stdout. */
    private record StdoutReport(PrintStream out) {
        void ready(KioskAddress kiosk) {
            line("READY " + kiosk);
        }

        void ui(KioskAddress kiosk, URI uri) {
            line("UI " + kiosk + " " + uri);
        }

        void line(String text) {
            synchronized (out) {
                out.println("VIGIE-KIOSK " + text);
                out.flush();
            }
        }
    }
}

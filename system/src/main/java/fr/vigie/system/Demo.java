package fr.vigie.system;

import fr.vigie.hub.sandbox.SandboxTokens;
import fr.vigie.hub.sandbox.insi.IdentitiesPage;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.kiosk.demo.SandboxCards;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./vigie demo}: the whole system on this machine with its embedded defaults — one process of the
 * sandbox launcher (edge-hub-sandbox's {@code SandboxMain}: the PSC, INSi, ApCV and IGC-Santé simulators,
 * and a production hub with its embedded broker and PostgreSQL, pointed at them by its {@code hub.*}
 * settings) and one process of N virtual kiosks that report demo activity to it. Kiosk {@value #ADMISSION_DESK}
 * is an admission desk (declared to the hub, the sandbox Vitale card on its page, its CPS cards certified by the
 * sandbox IGC-Santé so that the hub accepts its agent). Prints the console address, the sandbox's pages and each
 * kiosk screen, and stops everything cleanly on Ctrl-C.
 */
public final class Demo {
    static final Pattern HUB_READY = Pattern.compile(
            "VIGIE-HUB READY http=(\\S+) mqtt=(\\S+)(?: devices=(\\S+) ca=(\\S+))?(?: mqtt-devices=(\\S+))?");
    static final Pattern SANDBOX_READY = Pattern.compile(
            "VIGIE-SANDBOX READY origin=(\\S+) psc=(\\S+) phone=(\\S+) insi=(\\S+) dir=(.+)");
    static final Pattern KIOSK_READY = Pattern.compile("VIGIE-KIOSK READY (\\S+)");
    static final Pattern KIOSK_UI = Pattern.compile("VIGIE-KIOSK UI (\\S+) (\\S+)");
    /** The demo kiosk that is an admission desk: the hub knows it as one, its page holds the sandbox Vitale card. */
    static final String ADMISSION_DESK = "kiosk-001";

    /** Options of the demo, validated. */
    record Options(int kiosks, Path data, int httpPort, int mqttPort, int activitySeconds) {
        Options {
            if (kiosks < 1 || kiosks > 500) {
                throw new IllegalArgumentException("--kiosks must be between 1 and 500, got " + kiosks);
            }
        }

        static Options parse(String[] args) {
            int kiosks = 3;
            Path data = Path.of("data", "demo");
            int http = 8080;
            int mqtt = 1883;
            int activity = 5;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    throw new IllegalArgumentException(usage());
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value\n" + usage());
                }
                String v = args[++i];
                switch (a) {
                    case "--kiosks" -> kiosks = intValue(a, v);
                    case "--data" -> data = Path.of(v);
                    case "--http-port" -> http = intValue(a, v);
                    case "--mqtt-port" -> mqtt = intValue(a, v);
                    case "--activity-every" -> activity = intValue(a, v);
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
                }
            }
            return new Options(kiosks, data, http, mqtt, activity);
        }

        private static int intValue(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " takes a whole number, got '" + value + "'");
            }
        }

        static String usage() {
            return "usage: ./vigie demo [--kiosks N] [--data DIR] [--http-port P] [--mqtt-port P] [--activity-every S]";
        }
    }

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Options.usage());
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, VigieHome.locate(), System.out);
    }

    static void run(Options o, VigieHome home, PrintStream out) throws Exception {
        Path data = o.data().toAbsolutePath();
        Files.createDirectories(data);
        List<ChildProcess> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("vigie demo: stopping…");
            stopAll(started);
            stopped.countDown();
        }, "demo-shutdown"));

        // the hub runs beside the simulators of the national services, pointed at them by its hub.* settings
        ChildProcess hub = ChildProcess.start("hub", home.javaCommand(VigieHome.SANDBOX_MODULE, VigieHome.SANDBOX_MAIN,
                List.of("--data", data.resolve("hub").toString(), "--http-port", String.valueOf(o.httpPort()),
                        "--mqtt-port", String.valueOf(o.mqttPort()), "--set", "hub.mqtt.tls=true",
                        "--set", "hub.mqtt.tls-port=0", "--set", "hub.device-api.port=0",
                        "--bootstrap-tokens", String.valueOf(o.kiosks()), "--admission-desk", ADMISSION_DESK,
                        // the demo's kiosks all enrol from this machine's address at once
                        "--set", "hub.enrol.requests-per-minute-per-source=" + Math.max(60, 2 * o.kiosks()))), data, out);
        synchronized (started) {
            started.add(hub);
        }
        Matcher sandbox = hub.awaitLine(SANDBOX_READY, Duration.ofMinutes(2));
        Matcher ready = hub.awaitLine(HUB_READY, Duration.ofMinutes(2));
        String console = ready.group(1);
        String mqtt = ready.group(5) != null ? ready.group(5) : ready.group(2);
        Path kioskConfig = enrolmentConfig(data, ready.group(3), ready.group(4), Path.of(sandbox.group(5)));

        Path anchors = DemoCardTrust.fetchAnchors(URI.create(sandbox.group(1)), data.resolve("kiosks"));
        ChildProcess kiosks = ChildProcess.start("kiosks", home.javaCommand(VigieHome.KIOSK_MODULE,
                VigieHome.KIOSK_MAIN, List.of("--config", kioskConfig.toString(), "--site", "demo", "--virtual",
                        String.valueOf(o.kiosks()),
                        "--broker", mqtt, "--data", data.resolve("kiosks").toString(), "--heartbeat", "5",
                        "--activity-every", String.valueOf(o.activitySeconds()),
                        "--igc-anchors", anchors.toString(), "--crl-url", DemoCardTrust.crlUrl(console),
                        // its desk's CPS cards are certified by the sandbox IGC-Santé, which the hub trusts
                        "--admission-desk", ADMISSION_DESK, "--sandbox", sandbox.group(1))), data, out);
        synchronized (started) {
            started.add(kiosks);
        }
        kiosks.awaitLines(KIOSK_READY, o.kiosks(), Duration.ofMinutes(1));
        List<Matcher> screens = kiosks.awaitLines(KIOSK_UI, o.kiosks(), Duration.ofMinutes(1));

        out.println();
        out.println("  Vigie demo is running: hub + " + o.kiosks() + " virtual kiosk(s), data in " + data);
        out.println("  IT console:  " + console + "/");
        out.println("  REST API:    " + console + "/api/v1/devices   " + console + "/api/v1/events");
        out.println("  Sign in as:  " + demoAccount(data.resolve("hub")));
        out.println("  MQTT broker: " + ready.group(2) + " (--mqtt-port: the hub's own listener)   kiosks: " + mqtt
                + " (mutual TLS, after enrolling over " + ready.group(3) + " with bootstrap tokens)");
        out.println("  Sandbox PSC: " + sandbox.group(2) + "   e-CPS phone: " + sandbox.group(3));
        out.println("  Sandbox INSi: " + sandbox.group(4) + "   test identities (what to type or insert): "
                + sandbox.group(1) + IdentitiesPage.PATH);
        for (Matcher screen : screens) {
            out.println("  Kiosk screen " + screen.group(1) + ": " + screen.group(2)
                    + "   (sandbox CPS cards on the page, PIN " + SandboxCards.DEMO_PIN + ")");
            if (screen.group(1).endsWith("/" + ADMISSION_DESK)) {
                out.println("    " + screen.group(1) + " is the admission desk: sign in with a sandbox CPS card (the"
                        + " agent, proven to the hub by the card), insert the sandbox Vitale card (DUPONT family),"
                        + " pick a beneficiary, then check an identity document to qualify the INS");
            }
        }
        out.println("  Press Ctrl-C to stop.");
        out.println();
        while (hub.isAlive() && kiosks.isAlive() || stopping.get()) {
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
        out.println("vigie demo: " + (hub.isAlive() ? "the kiosks" : "the hub") + " stopped unexpectedly");
        System.exit(1);
    }

    private static void stopAll(List<ChildProcess> started) {
        List<ChildProcess> reverse;
        synchronized (started) {
            reverse = new ArrayList<>(started);
        }
        Collections.reverse(reverse);
        for (ChildProcess p : reverse) {
            try {
                p.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The kiosks' way to the device API: enrol with the bootstrap tokens the sandbox launcher had the hub
     * issue (one file per kiosk id, in the sandbox's folder), trusting the hub's site root by its fingerprint.
     */
    private static Path enrolmentConfig(Path data, String deviceApi, String rootFingerprint, Path sandboxDir)
            throws IOException {
        Path file = data.resolve("kiosks.properties");
        String tokens = sandboxDir.resolve(SandboxTokens.DIR).resolve("{id}").toString();
        Files.writeString(file, "kiosk.hub.url=" + deviceApi + "\nkiosk.hub.ca-fingerprint=" + rootFingerprint
                + "\nkiosk.enrol.token-file=" + tokens.replace("\\", "\\\\") + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The demo's IT admin: the first-admin password the fresh demo hub wrote to its data directory. */
    private static String demoAccount(Path hubData) {
        Path file = hubData.resolve(StaffDirectory.FIRST_ADMIN_PASSWORD_FILE);
        try {
            return StaffDirectory.FIRST_ADMIN + " / "
                    + Files.readString(file, StandardCharsets.UTF_8).trim() + "   (demo only)";
        } catch (IOException e) {
            return "an existing account (" + file + " was removed)";
        }
    }
}

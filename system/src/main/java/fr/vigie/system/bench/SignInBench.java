package fr.vigie.system.bench;

import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.outbox.SyncLevel;
import fr.vigie.kiosk.demo.SandboxCards;
import fr.vigie.kiosk.session.SessionTimeouts;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.config.StationConfig;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./vigie bench signin}: the clinician's waits, measured where the browser sees them. A whole
 * {@link SignInStation} (sandbox virtual CPS cards in in-process readers through javax.smartcardio and
 * the reader monitor, the session writing every transition to a SQLite outbox, the local UI) is
 * driven through its readers and its HTTP API, and each time ends when the server-sent event carrying
 * the new screen reaches an HTTP client, as it would reach Chromium. Then the CIBA gateway overhead
 * against the sandbox PSC ({@link CibaBench}). Prints p50/p99/max and the goals.
 */
final class SignInBench {
    private static final Pattern SCREEN = Pattern.compile("data-screen=\"([a-z0-9.-]+)\"");

    record Options(int runs, int warmup, SyncLevel sync, int cibaRuns) {
        static Options parse(String[] args) {
            int runs = 200;
            int warmup = 20;
            SyncLevel sync = SyncLevel.FULL;
            int ciba = 200;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--sync" -> sync = SyncLevel.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--ciba" -> ciba = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException(
                            "usage: ./vigie bench signin [--runs N] [--warmup N] [--sync FULL|NORMAL] [--ciba N]");
                }
            }
            if (runs < 1 || warmup < 0 || ciba < 1) {
                throw new IllegalArgumentException("--runs and --ciba must be at least 1, --warmup at least 0");
            }
            return new Options(runs, warmup, sync, ciba);
        }
    }

    private final LinkedBlockingQueue<String> screens = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private SignInStation station;
    private SandboxCards cards;

    private SignInBench() {
    }

    static void run(Options o, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("vigie-bench-signin");
        // a broker nobody listens on: the outbox fills as on a kiosk cut off from its hub
        KioskConfig kc = KioskConfig.load(null, Map.of(KioskConfig.SITE, "bench", KioskConfig.ID, "signin",
                KioskConfig.DATA_DIR, dir.toString(), KioskConfig.MQTT_URL, "tcp://127.0.0.1:9",
                KioskConfig.OUTBOX_SYNC, o.sync().name()));
        Duration hour = Duration.ofHours(1);
        StationConfig config = new StationConfig(0, StationConfig.Readers.SANDBOX, StationConfig.Gpio.MOCK,
                new SessionTimeouts(hour, hour, hour, hour, hour));
        SignInBench bench = new SignInBench();
        double[] cardIn = new double[o.runs()];
        double[] removal = new double[o.runs()];
        double[] tap = new double[o.runs()];
        SandboxCards cards = SandboxCards.demo();
        try (Kiosk kiosk = Kiosk.start(kc);
                SignInStation station = SignInStation.startFor(kiosk, config, cards,
                        SandboxCards.certificateCheck(Clock.systemUTC()))) {
            bench.station = station;
            bench.cards = cards;
            bench.follow(station.uri());
            bench.await("session.idle");
            for (int i = -o.warmup(); i < o.runs(); i++) {
                double[] t = bench.cycle();
                if (i >= 0) {
                    cardIn[i] = t[0];
                    removal[i] = t[1];
                    tap[i] = t[2];
                }
            }
        }
        out.printf(Locale.ROOT, "Vigie sign-in benchmark: %d cycles (after %d warm-up); virtual CPS in in-process readers"
                + " through javax.smartcardio, outbox sync %s, each time until the new screen's server-sent event"
                + " reaches the page's HTTP client%n", o.runs(), o.warmup(), o.sync());
        report(out, "card in -> session open (PIN typing excluded)", Percentiles.of(cardIn), 400);
        report(out, "card removed -> locked screen", Percentiles.of(removal), 200);
        report(out, "contactless tap -> unlocked", Percentiles.of(tap), 300);
        CibaBench.Figures ciba = CibaBench.run(o.cibaRuns(), Math.max(10, o.cibaRuns() / 5));
        CibaBench.print(ciba, out);
    }

    private static void report(PrintStream out, String what, Percentiles p, double goalP99) {
        out.printf(Locale.ROOT, "  %-44s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   goal p99 < %.0f ms: %s%n", what,
                p.at(50), p.at(99), p.at(100), goalP99, p.at(99) < goalP99 ? "met" : "MISSED");
    }

    /** One sign-in, lock and unlock; returns the three times in milliseconds. */
    private double[] cycle() throws Exception {
        screens.clear();
        long t0 = System.nanoTime();
        cards.insert(0);
        await("session.pin");
        long t1 = System.nanoTime();
        long t2 = System.nanoTime();
        post("/ui/action/session/pin", "text/plain", SandboxCards.DEMO_PIN);
        await("session.open");
        long t3 = System.nanoTime();

        cards.remove();
        await("session.locked");
        long t4 = System.nanoTime();

        cards.tap(0);
        await("session.open");
        long t5 = System.nanoTime();
        cards.untap();

        post("/ui/action/session/logout", "application/x-www-form-urlencoded", "");
        await("session.idle");
        return new double[] {((t1 - t0) + (t3 - t2)) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6};
    }

    private void follow(URI page) {
        HttpRequest req = HttpRequest.newBuilder(page.resolve("/ui/events")).header("Accept", "text/event-stream").build();
        Thread reader = new Thread(() -> {
            try {
                Stream<String> lines = http.send(req, HttpResponse.BodyHandlers.ofLines()).body();
                lines.forEach(l -> {
                    Matcher m = SCREEN.matcher(l);
                    if (l.startsWith("data:") && m.find()) {
                        screens.add(m.group(1));
                    }
                });
            } catch (Exception e) {
                screens.add("stream-failed: " + e);
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();
    }

    private void await(String screen) throws InterruptedException {
        while (true) {
            String next = screens.poll(10, TimeUnit.SECONDS);
            if (next == null || next.startsWith("stream-failed")) {
                throw new IllegalStateException("screen " + screen + " never came (" + next + ")");
            }
            if (next.equals(screen)) {
                return;
            }
        }
    }

    private void post(String path, String type, String body) throws Exception {
        URI uri = station.uri();
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri.resolve(path)).header("Content-Type", type)
                .header("Origin", "http://127.0.0.1:" + uri.getPort()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 204) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
    }
}

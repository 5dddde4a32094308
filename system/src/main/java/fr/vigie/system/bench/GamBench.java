package fr.vigie.system.bench;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubPkiConfig;
import fr.vigie.hub.admission.AdmissionCaller;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.TraitsInput;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * {@code ./vigie bench gam [--patients N] [--burst M]}: a sandbox hub feeding a GAM on this machine (HAPI's own MLLP
 * server, in-process, {@link HapiMllpReceiver}) over TCP.
 * <ol>
 * <li><b>Latency</b>: N patients qualified one after the other at an admission desk from their Appli carte Vitale
 *     (the admission service, as the device API calls it; the identity is QUAL when the call returns, its ADT^A28 with
 *     the INS in the outbox), each timed from the call to the GAM's acknowledgement of its message, p50/p99, and the
 *     call alone.</li>
 * <li><b>Throughput</b>: with the GAM down, M records are created; the GAM comes back; messages per second from its
 *     first acknowledgement to its last (the hub sends one at a time, each waiting for its ACK, as MLLP does).</li>
 * </ol>
 */
final class GamBench {
    private static final String USAGE = "usage: ./vigie bench gam [--patients N] [--burst M]";
    private static final KioskAddress KIOSK = KioskAddress.of("bench", "accueil-1");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private GamBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int patients = 300;
        int burst = 2000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(args[i + 1]);
                case "--burst" -> burst = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        if (args.length % 2 != 0 || patients < 1 || burst < 2 || patients + burst > 80_000) {
            throw new IllegalArgumentException(USAGE);
        }
        Path data = Files.createTempDirectory("vigie-bench-gam-");
        out.printf(Locale.ROOT, "Vigie GAM feed benchmark: %d qualifications, then a burst of %d messages, to HAPI's MLLP"
                + " server on 127.0.0.1 (same JVM), %d cores, data in %s%n", patients, burst,
                Runtime.getRuntime().availableProcessors(), data);
        try (HapiMllpReceiver gam = HapiMllpReceiver.start(record -> false)) {
            Map<String, String> settings = new HashMap<>(Map.of(HubConfig.DATA_DIR, data.resolve("hub").toString(),
                    HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.SANDBOX_ENABLED, "true",
                    HubPkiConfig.DEVICE_API_PORT, "0", HubPkiConfig.SITE, KIOSK.site(), GamSettings.HOST, "127.0.0.1",
                    GamSettings.PORT, Integer.toString(gam.port()), GamSettings.RETRY_MAX_SECONDS, "1"));
            try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, settings))) {
                ApcvIssuer apcv = hub.sandbox().orElseThrow().apcv();
                AdmissionCaller agent = new AdmissionCaller(KIOSK, IdNatPs.parse("810001234565"));
                int warmup = Math.min(50, patients);
                double[] latencies = new double[patients];
                double[] calls = new double[patients];
                for (int i = -warmup; i < patients; i++) {
                    int n = i + warmup;
                    String token = apcv.issue(identity(n), KIOSK.site(), Duration.ofMinutes(2));
                    long asked = System.nanoTime();
                    long id = hub.admission().byApcv(agent, token, OptionalLong.empty()).record().id();
                    long qualified = System.nanoTime();
                    await(() -> gam.acknowledgedAt(id) != null, "the GAM's ACK of record " + id);
                    if (i >= 0) {
                        latencies[i] = (gam.acknowledgedAt(id) - asked) / 1e6;
                        calls[i] = (qualified - asked) / 1e6;
                    }
                }
                Percentiles p = Percentiles.of(latencies);
                Percentiles c = Percentiles.of(calls);
                out.printf(Locale.ROOT, "qualification → GAM's ACK of the patient's A28 (QUAL, with the INS): p50 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms (%d patients, after %d warm-up)%n", p.at(50), p.at(99), p.at(100),
                        patients, warmup);
                out.printf(Locale.ROOT, "  of which the admission call itself (ApCV check, registry and outbox in one"
                        + " transaction): p50 %.2f ms, p99 %.2f ms%n", c.at(50), c.at(99));

                gam.pause();
                for (int i = 0; i < burst; i++) {
                    hub.identities().create(TraitsInput.of("RAFALE" + letters(i), "PATIENT", i % 2 == 0 ? "F" : "M",
                            birthDate(i)), "bench");
                }
                awaitWaiting(hub, burst);
                gam.resume();
                int expected = burst;
                await(() -> gam.received() >= expected, "the burst's acknowledgements");
                double seconds = (gam.lastAt() - gam.firstAt()) / 1e9;
                out.printf(Locale.ROOT, "burst after an outage: %d messages in %.2f s from the first ACK to the last:"
                        + " %.0f messages/s (%.2f ms each, one at a time)%n", burst, seconds, (burst - 1) / seconds,
                        seconds * 1000 / (burst - 1));
            }
        }
    }

    /** A patient of the sandbox's ApCV: unique name, birth date and matricule (a valid key), test OID. */
    private static ApcvIssuer.Identity identity(int n) throws Exception {
        boolean female = n % 2 == 0;
        String date = birthDate(n);
        String body = (female ? "2" : "1") + date.substring(2, 4) + date.substring(5, 7) + "75"
                + String.format(Locale.ROOT, "%03d%03d", 100 + n / 1000 % 900, n % 1000);
        String matricule = body + String.format(Locale.ROOT, "%02d", InsMatricule.computeKey(body));
        return new ApcvIssuer.Identity(matricule, "1.2.250.1.213.1.4.10", "BANC" + letters(n), "PATIENT",
                female ? "F" : "M", date, "75056");
    }

    /** A birth date per patient, spread over 1930–2009 so that no two bench patients look like duplicates. */
    private static String birthDate(int n) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", 1930 + n % 80, 1 + n / 80 % 12, 1 + n / 960 % 28);
    }

    /** {@code n} in letters A–Z, e.g. 0 → AAAA, 27 → AABB. */
    private static String letters(int n) {
        char[] c = new char[4];
        for (int i = 3, v = n; i >= 0; i--, v /= 26) {
            c[i] = (char) ('A' + v % 26);
        }
        return new String(c);
    }

    private static void awaitWaiting(EdgeHub hub, int n) throws Exception {
        await(() -> {
            try {
                return hub.gam().outbox().counts().waiting() >= n;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, n + " messages waiting");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(1); // polling a condition (the figures come from the GAM's own clock readings)
        }
    }
}

package fr.vigie.system.bench;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.enrol.EnrolmentView;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./vigie bench enrol --kiosks N}: a hub with its mutual-TLS broker listener and N fresh
 * virtual kiosks per phase, all on this machine. Phase "token": every kiosk holds a bootstrap token;
 * measured from each kiosk's start to its first mutual-TLS MQTT connection. Phase "approval": the
 * kiosks wait for IT, which approves them all through the hub's enrolment service as fast as it can;
 * measured from each approval to that kiosk's first mutual-TLS connection (kiosks poll every second,
 * as in production, so that interval dominates). Prints enrolments per second and p50/p99.
 */
final class EnrolBench {
    private static final String SITE = "bench";
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private EnrolBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int kiosks = 200;
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].equals("--kiosks") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ./vigie bench enrol [--kiosks N]");
            }
            kiosks = Integer.parseInt(args[i + 1]);
        }
        if (kiosks < 1 || kiosks > 2000) {
            throw new IllegalArgumentException("--kiosks must be between 1 and 2000, got " + kiosks);
        }
        Path data = Files.createTempDirectory("vigie-bench-enrol-");
        out.printf("Vigie enrolment benchmark: %d kiosks per phase, %d cores, data in %s%n", kiosks,
                Runtime.getRuntime().availableProcessors(), data);
        // every virtual kiosk comes from this machine's address: lift the per-source share of the enrolment endpoint
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, data.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", "hub.site", SITE, "hub.mqtt.tls", "true",
                EnrolmentLimits.MAX_PENDING_PER_SOURCE, "1000", EnrolmentLimits.REQUESTS_PER_MINUTE_PER_SOURCE, "100000")))) {
            Phase token = tokenPhase(hub, data.resolve("token"), kiosks, out);
            Phase approval = approvalPhase(hub, data.resolve("approval"), kiosks, out);
            out.printf(Locale.ROOT, "%nRESULT token_enrolments=%.1f/s token_start_to_mtls_p50=%.0f ms p99=%.0f ms "
                    + "approval_enrolments=%.1f/s approval_to_mtls_p50=%.0f ms p99=%.0f ms%n", token.perSecond(),
                    token.latency().at(50), token.latency().at(99), approval.perSecond(), approval.latency().at(50),
                    approval.latency().at(99));
        } finally {
            deleteTree(data);
        }
    }

    /** Enrolments per second and per-kiosk latency in milliseconds. */
    record Phase(double perSecond, Percentiles latency) {
    }

    private static Phase tokenPhase(EdgeHub hub, Path dir, int n, PrintStream out) throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        for (KioskConfig c : VirtualFleet.configs(n, base(hub, dir, tokens, "tok"))) {
            BootstrapToken t = hub.enrolments().issueToken(c.address(), Duration.ofHours(1), "bench");
            Files.writeString(tokens.resolve(c.kioskId()), t.value(), StandardCharsets.US_ASCII);
        }
        Map<KioskAddress, Long> started = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (VirtualFleet fleet = VirtualFleet.start(VirtualFleet.configs(n, base(hub, dir, tokens, "tok")),
                new VirtualFleet.Listener() {
                    @Override
                    public void ready(KioskAddress kiosk) {
                        started.put(kiosk, System.nanoTime());
                    }
                })) {
            Map<KioskAddress, Long> connected = awaitConnected(fleet.kiosks());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] ms = fleet.kiosks().stream().mapToDouble(k -> (connected.get(k.address())
                    - started.get(k.address())) / 1e6).toArray();
            Phase p = new Phase(n / seconds, Percentiles.of(ms));
            out.printf(Locale.ROOT, "token     %d kiosks enrolled and connected over mTLS in %.2f s: %.1f enrolments/s,"
                    + " kiosk start -> first mTLS connection p50 %.0f ms, p99 %.0f ms%n", n, seconds, p.perSecond(),
                    p.latency().at(50), p.latency().at(99));
            return p;
        }
    }

    private static Phase approvalPhase(EdgeHub hub, Path dir, int n, PrintStream out) throws Exception {
        try (VirtualFleet fleet = VirtualFleet.start(n, base(hub, dir, null, "ok"))) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (hub.enrolments().list(EnrolmentStatus.PENDING, n + 1).size() < n) {
                check(deadline, "kiosks' enrolment requests");
                LockSupport.parkNanos(20_000_000);
            }
            Map<String, Long> approvedAt = new HashMap<>();
            long t0 = System.nanoTime();
            for (EnrolmentView v : hub.enrolments().list(EnrolmentStatus.PENDING, n + 1)) {
                hub.enrolments().approve(v.id(), v.enrolmentCode(), "bench");
                approvedAt.put(v.kioskId(), System.nanoTime());
            }
            double approving = (System.nanoTime() - t0) / 1e9;
            Map<KioskAddress, Long> connected = awaitConnected(fleet.kiosks());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] ms = fleet.kiosks().stream().mapToDouble(k -> (connected.get(k.address())
                    - approvedAt.get(k.address().kioskId())) / 1e6).toArray();
            Phase p = new Phase(n / seconds, Percentiles.of(ms));
            out.printf(Locale.ROOT, "approval  %d approvals in %.2f s (%.0f/s); all connected over mTLS %.2f s after the"
                    + " first: %.1f enrolments/s, approval -> first mTLS connection p50 %.0f ms, p99 %.0f ms%n", n,
                    approving, n / approving, seconds, p.perSecond(), p.latency().at(50), p.latency().at(99));
            return p;
        }
    }

    private static KioskConfig base(EdgeHub hub, Path dir, Path tokens, String id) throws Exception {
        Map<String, String> p = new HashMap<>(Map.of(KioskConfig.SITE, SITE, KioskConfig.ID, id,
                KioskConfig.DATA_DIR, dir.resolve("kiosks").toString(), KioskConfig.HEARTBEAT_SECONDS, "30",
                KioskConfig.OUTBOX_SYNC, "NORMAL", KioskConfig.MQTT_URL, hub.deviceMqttUrl().orElseThrow(),
                "kiosk.hub.url", hub.deviceApiUri().toString(), "kiosk.hub.ca-fingerprint", hub.siteCa().rootFingerprint()));
        if (tokens != null) {
            p.put("kiosk.enrol.token-file", tokens.resolve("{id}").toString());
        }
        return KioskConfig.load(null, p);
    }

    /** When each kiosk was first seen connected, watched every millisecond. */
    private static Map<KioskAddress, Long> awaitConnected(List<Kiosk> kiosks) {
        Map<KioskAddress, Long> at = new HashMap<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (at.size() < kiosks.size()) {
            for (Kiosk k : kiosks) {
                if (!at.containsKey(k.address()) && k.connected()) {
                    at.put(k.address(), System.nanoTime());
                }
            }
            check(deadline, "mutual-TLS connections (" + at.size() + " of " + kiosks.size() + ")");
            LockSupport.parkNanos(1_000_000);
        }
        return at;
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package fr.vigie.system.bench;

import fr.vigie.config.KioskSettings;
import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.system.EnrolledKiosks;
import fr.vigie.hub.fleet.Groups;
import fr.vigie.hub.fleet.Rollout;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.demo.VirtualFleet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./vigie bench rollout [--kiosks N] [--rounds R]}: a hub and N virtual kiosks on this machine;
 * R signed configuration rollouts to the whole group, each timed from the REST-level call (validate,
 * sign N bundles, commit, publish retained) to the last kiosk's reply (verify, apply with fsync,
 * health check). Prints the hub's signing and publishing time per rollout, the time until every kiosk
 * has applied, and each kiosk's latency from the rollout's issue time to its reply, p50/p99.
 */
final class RolloutBench {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private RolloutBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int kiosks = 50;
        int rounds = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kiosks" -> kiosks = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: ./vigie bench rollout [--kiosks N] [--rounds R]");
            }
        }
        if (args.length % 2 != 0 || kiosks < 1 || rounds < 1) {
            throw new IllegalArgumentException("usage: ./vigie bench rollout [--kiosks N] [--rounds R]");
        }
        Path data = Files.createTempDirectory("vigie-bench-rollout-");
        out.printf("Vigie rollout benchmark: %d kiosks, %d rollouts (+1 warm-up), %d cores, data in %s%n", kiosks, rounds,
                Runtime.getRuntime().availableProcessors(), data);
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, data.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0")))) {
            Map<String, String> settings = EnrolledKiosks.withTokens(hub, data.resolve("tokens"),
                    EnrolledKiosks.fleetIds("kiosk", kiosks));
            settings.put(KioskConfig.ID, "kiosk");
            settings.put(KioskConfig.DATA_DIR, data.resolve("kiosks").toString());
            settings.put(KioskConfig.OUTBOX_SYNC, "NORMAL");
            settings.put(KioskConfig.HEARTBEAT_SECONDS, "5");
            KioskConfig base = KioskConfig.load(null, settings);
            try (VirtualFleet fleet = VirtualFleet.start(kiosks, base)) {
                int n = kiosks;
                await(() -> devices(hub) >= n, "every kiosk registered");
                List<Double> hubMillis = new ArrayList<>();
                List<Double> allAppliedMillis = new ArrayList<>();
                List<Double> perKioskMillis = new ArrayList<>();
                for (int r = 0; r <= rounds; r++) {
                    long t0 = System.nanoTime();
                    Rollout rollout = hub.fleet().rollouts().rollOut(Groups.DEFAULT,
                            KioskSettings.defaults().withIdleLockSeconds(60 + r), "bench");
                    double signed = (System.nanoTime() - t0) / 1e6;
                    long version = rollout.version();
                    await(() -> hub.fleet().rollouts().find(version).orElseThrow().finished(), "rollout " + version);
                    double all = (System.nanoTime() - t0) / 1e6;
                    Rollout done = hub.fleet().rollouts().find(version).orElseThrow();
                    if (done.counts().getOrDefault("APPLIED", 0) != kiosks) {
                        throw new IllegalStateException("rollout " + version + " ended with " + done.counts());
                    }
                    if (r == 0) {
                        continue; // warm-up
                    }
                    hubMillis.add(signed);
                    allAppliedMillis.add(all);
                    done.targets().forEach(t -> perKioskMillis.add(
                            Duration.between(t.publishedAt(), t.repliedAt()).toNanos() / 1e6));
                }
                Percentiles hubP = Percentiles.of(hubMillis.stream().mapToDouble(Double::doubleValue).toArray());
                Percentiles allP = Percentiles.of(allAppliedMillis.stream().mapToDouble(Double::doubleValue).toArray());
                Percentiles kioskP = Percentiles.of(perKioskMillis.stream().mapToDouble(Double::doubleValue).toArray());
                out.printf(Locale.ROOT, "hub: validate, sign %d bundles, commit, publish:   p50 %.1f ms   p99 %.1f ms%n",
                        kiosks, hubP.at(50), hubP.at(99));
                out.printf(Locale.ROOT, "rollout until every kiosk applied:               p50 %.1f ms   p99 %.1f ms%n",
                        allP.at(50), allP.at(99));
                out.printf(Locale.ROOT, "per kiosk, rollout issued -> kiosk replied:      p50 %.1f ms   p99 %.1f ms   (%d samples)%n",
                        kioskP.at(50), kioskP.at(99), perKioskMillis.size());
                out.printf(Locale.ROOT, "%nRESULT kiosks=%d rollouts=%d hub_p50=%.1f ms all_applied_p50=%.1f ms all_applied_p99=%.1f ms"
                        + " kiosk_p50=%.1f ms kiosk_p99=%.1f ms%n", kiosks, rounds, hubP.at(50), allP.at(50), allP.at(99),
                        kioskP.at(50), kioskP.at(99));
            }
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(Condition c, String what) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!c.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not after " + LIMIT);
            }
            Thread.sleep(5);
        }
    }

    /** How many kiosks of the hub's site the hub has registered (seen at least once). */
    static long devices(EdgeHub hub) throws Exception {
        try (Connection c = hub.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM devices WHERE site = '"
                        + hub.siteCa().settings().site() + "'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

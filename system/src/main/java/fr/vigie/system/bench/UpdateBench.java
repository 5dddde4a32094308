package fr.vigie.system.bench;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.software.SoftwareRollout;
import fr.vigie.hub.software.SoftwareRollouts;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.protocol.EventPayload;
import fr.vigie.system.EnrolledKiosks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./vigie bench update [--kiosks N] [--first N] [--package-kib K]}: a hub and N virtual kiosks on this
 * machine, enrolled; one staged software rollout of a {@code vigie-kiosk} build (K KiB of incompressible payload)
 * to all of them, the first stage of {@code --first} kiosks. Timed from the rollout's start to each kiosk reported
 * {@code UPDATED} (p50/p99) and to the last one; the bytes the hub served each kiosk (its mirror: signed index and
 * packages). Real: the hub's repository and signing, the staged rollout and its database, the signed
 * {@code update-software} command over MQTT, each kiosk's mirror over the device API's mutual TLS, its request
 * file, its reports through the outbox and ingest. Simulated: the root unit (APT install, restart, health check),
 * stood in for by a watcher that takes each request and has the kiosk report {@code UPDATED} as it would after
 * its restart; {@code UpdateUnitIT} runs the real unit with APT.
 */
final class UpdateBench {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String USAGE = "usage: ./vigie bench update [--kiosks N] [--first N] [--package-kib K]";

    private UpdateBench() {
    }

    static void run(String[] args, PrintStream out) throws Exception {
        int kiosks = 20;
        int first = 2;
        int packageKib = 1024;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kiosks" -> kiosks = Integer.parseInt(args[i + 1]);
                case "--first" -> first = Integer.parseInt(args[i + 1]);
                case "--package-kib" -> packageKib = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        if (args.length % 2 != 0 || kiosks < 1 || first < 1 || packageKib < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        Path data = Files.createTempDirectory("vigie-bench-update-");
        out.printf("Vigie update benchmark: %d kiosks, first stage %d, package %d KiB, %d cores, data in %s%n", kiosks,
                first, packageKib, Runtime.getRuntime().availableProcessors(), data);
        try (EdgeHub hub = EdgeHub.start(HubConfig.load(null, Map.of(HubConfig.DATA_DIR, data.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0")))) {
            hub.softwareRepository().add(build(data, "0.3.0", packageKib));
            Map<String, String> settings = EnrolledKiosks.withTokens(hub, data.resolve("tokens"),
                    EnrolledKiosks.fleetIds("kiosk", kiosks));
            settings.put(KioskConfig.ID, "kiosk");
            settings.put(KioskConfig.DATA_DIR, data.resolve("kiosks").toString());
            settings.put(KioskConfig.OUTBOX_SYNC, "NORMAL");
            settings.put(KioskConfig.HEARTBEAT_SECONDS, "5");
            try (VirtualFleet fleet = VirtualFleet.start(kiosks, KioskConfig.load(null, settings))) {
                int n = kiosks;
                await(() -> RolloutBench.devices(hub) >= n, "every kiosk registered");
                fleet.kiosks().forEach(k -> k.clinicianSession(() -> false));
                long t0 = System.nanoTime();
                SoftwareRollout started = hub.softwareRollouts().start(new SoftwareRollouts.Request("default",
                        "vigie-kiosk", "0.3.0", first, null, false), "bench");
                Map<String, Double> updatedMillis = new HashMap<>();
                while (updatedMillis.size() < kiosks) {
                    standInForTheRootUnit(fleet.kiosks(), started.rolloutId());
                    hub.softwareRollouts().advance();
                    SoftwareRollout r = hub.softwareRollouts().find(started.rolloutId()).orElseThrow();
                    for (SoftwareRollout.Target t : r.targets()) {
                        if (t.state().equals("UPDATED")) {
                            updatedMillis.putIfAbsent(t.kioskId(), (System.nanoTime() - t0) / 1e6);
                        } else if (SoftwareRollout.FINAL.contains(t.state())) {
                            throw new IllegalStateException(t.kioskId() + " ended " + t.state() + " " + t.code());
                        }
                    }
                    if ((System.nanoTime() - t0) > LIMIT.toNanos()) {
                        throw new IllegalStateException("not every kiosk updated after " + LIMIT + ": " + r.counts());
                    }
                    Thread.sleep(20);
                }
                double all = updatedMillis.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                Percentiles p = Percentiles.of(updatedMillis.values().stream().mapToDouble(Double::doubleValue).toArray());
                List<Long> served = new ArrayList<>();
                for (Kiosk k : fleet.kiosks()) {
                    served.add(size(k.config().dataDir().resolve(Kiosk.UPDATES_DIR).resolve("mirror")));
                }
                Percentiles bytes = Percentiles.of(served.stream().mapToDouble(Long::doubleValue).toArray());
                out.printf(Locale.ROOT, "rollout started -> kiosk reported UPDATED:   p50 %.0f ms   p99 %.0f ms   (%d kiosks)%n",
                        p.at(50), p.at(99), kiosks);
                out.printf(Locale.ROOT, "rollout started -> every kiosk UPDATED:      %.0f ms%n", all);
                out.printf(Locale.ROOT, "served per kiosk (signed index + package):   p50 %.0f bytes   max %.0f bytes%n",
                        bytes.at(50), bytes.at(100));
                out.printf("real: repository, signatures, staged rollout, signed command, mirror over mTLS, outbox reports;"
                        + " simulated: the root unit's APT install, restart and health check (UpdateUnitIT runs it)%n");
                out.printf(Locale.ROOT, "%nRESULT kiosks=%d first=%d package_kib=%d updated_p50=%.0f ms updated_p99=%.0f ms"
                        + " all_updated=%.0f ms served_per_kiosk=%.0f bytes%n", kiosks, first, packageKib, p.at(50), p.at(99),
                        all, bytes.at(50));
            }
        }
    }

    /** Takes each kiosk's request as the root unit would and has the kiosk report what it reports after the restart. */
    private static void standInForTheRootUnit(List<Kiosk> kiosks, long rolloutId) throws Exception {
        for (Kiosk k : kiosks) {
            Path request = k.config().dataDir().resolve(Kiosk.UPDATES_DIR).resolve("request");
            if (Files.exists(request)) {
                Files.delete(request);
                k.accept(new EventPayload.SoftwareUpdate(rolloutId, "vigie-kiosk", k.config().softwareVersion(), "0.3.0",
                        "UPDATED", "OK", "stood in for the root unit"));
            }
        }
    }

    /** A vigie-kiosk build of {@code kib} KiB of incompressible payload, by the real dpkg-deb. */
    private static Path build(Path dir, String version, int kib) throws Exception {
        Path stage = Files.createTempDirectory(dir, "stage");
        Files.createDirectories(stage.resolve("DEBIAN"));
        Files.createDirectories(stage.resolve("usr/share/vigie-kiosk"));
        byte[] payload = new byte[kib * 1024];
        new SecureRandom().nextBytes(payload);
        Files.write(stage.resolve("usr/share/vigie-kiosk/payload"), payload);
        Files.writeString(stage.resolve("DEBIAN/control"), "Package: vigie-kiosk\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: Vigie <dev@vigie.invalid>\nDescription: benchmark build\n a build"
                + " the update benchmark rolls out\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("vigie-kiosk_" + version + "_all.deb");
        Process p = new ProcessBuilder(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", stage.toString(),
                out.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("dpkg-deb failed: " + output);
        }
        return out;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
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
            Thread.sleep(20);
        }
    }
}

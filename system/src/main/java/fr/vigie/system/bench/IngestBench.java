package fr.vigie.system.bench;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.system.EnrolledKiosks;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.demo.VirtualFleet;
import fr.vigie.protocol.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * {@code ./vigie bench ingest}: N virtual kiosks burst events through the hub's embedded broker.
 * The kiosks are real ones: each enrols with a bootstrap token and publishes over mutual TLS on the
 * broker's device listener. First the same publishers feed a plain QoS 1 subscriber (raw broker
 * throughput; it connects with the hub's credentials, as only the hub may read the event tree); then
 * the hub's ingest stores them in PostgreSQL (stored events per second, latency from kiosk accept to
 * commit). Each phase uses fresh kiosks ({@code <phase>-001…}) on the same broker in the same process.
 */
final class IngestBench {
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);

    record Options(int kiosks, int events, String sync, Path data) {
        Options {
            if (kiosks < 1 || events < kiosks) {
                throw new IllegalArgumentException("need --kiosks >= 1 and --events >= --kiosks, got " + kiosks + " and " + events);
            }
        }

        static Options parse(String[] args) {
            int kiosks = 50;
            int events = 20_000;
            // The N simulated kiosks share this machine's one disk, where N real kiosks would each fsync
            // their own: NORMAL (durable across process crashes) keeps the benchmark on the ingest path.
            String sync = "NORMAL";
            Path data = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--kiosks" -> kiosks = Integer.parseInt(v);
                    case "--events" -> events = Integer.parseInt(v);
                    case "--sync" -> sync = v.toUpperCase(Locale.ROOT);
                    case "--data" -> data = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "\nusage: ./vigie bench ingest [--kiosks N] [--events N] [--sync FULL|NORMAL] [--data DIR]");
                }
            }
            return new Options(kiosks, events, sync, data);
        }
    }

    private IngestBench() {
    }

    static void run(Options o, PrintStream out) throws Exception {
        Path data = o.data() != null ? Files.createDirectories(o.data()) : Files.createTempDirectory("vigie-bench-");
        int perKiosk = o.events() / o.kiosks();
        int total = perKiosk * o.kiosks();
        out.printf("Vigie ingest benchmark: %d kiosks x %d events = %d events, outbox sync %s, %d cores, data in %s%n",
                o.kiosks(), perKiosk, total, o.sync(), Runtime.getRuntime().availableProcessors(), data);
        if (!o.sync().equals("FULL")) {
            out.println("(the simulated kiosks share one disk, so their outboxes skip the per-event fsync that real "
                    + "kiosks do; --sync FULL measures with it)");
        }
        HubConfig hubConfig = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, data.resolve("hub").toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false"));
        try (EdgeHub hub = EdgeHub.start(hubConfig)) {
            out.println("(each phase runs twice on fresh kiosks: a warm-up round for the JIT, then the measured round)");
            rawPhase(o, hub, data, perKiosk, total, "raw-warmup", out);
            double raw = rawPhase(o, hub, data, perKiosk, total, "raw", out);
            hub.startIngest();
            storedPhase(o, hub, data, perKiosk, total, "warmup", out);
            Stored stored = storedPhase(o, hub, data, perKiosk, total, "stored", out);
            out.printf(Locale.ROOT, "%nRESULT raw=%.0f events/s stored=%.0f events/s ratio=%.2f latency_p50=%.1f ms latency_p99=%.1f ms%n",
                    raw, stored.perSecond(), stored.perSecond() / raw, stored.p50Millis(), stored.p99Millis());
        } finally {
            if (o.data() == null) {
                deleteTree(data);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The phase's kiosks {@code <phase>-001…}, each with a bootstrap token of the hub. */
    private static KioskConfig fleetBase(Options o, EdgeHub hub, Path dir, String phase) throws Exception {
        Map<String, String> settings = EnrolledKiosks.withTokens(hub, dir.resolve("tokens"),
                EnrolledKiosks.fleetIds(phase, o.kiosks()));
        settings.put(KioskConfig.ID, phase);
        settings.put(KioskConfig.DATA_DIR, dir.toString());
        settings.put(KioskConfig.OUTBOX_SYNC, o.sync());
        settings.put(KioskConfig.HEARTBEAT_SECONDS, "30");
        return KioskConfig.load(null, settings);
    }

    private static double rawPhase(Options o, EdgeHub hub, Path data, int perKiosk, int total, String phase,
            PrintStream out) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttClient subscriber = new MqttClient(hub.mqttUrl(), hub.mqttCredentials().clientId("bench-raw"),
                new MemoryPersistence());
        MqttConnectionOptions opts = new MqttConnectionOptions();
        hub.mqttCredentials().applyTo(opts);
        opts.setCleanStart(true);
        // Paho 1.2.5's subscribe-with-listener recurses forever: count in the client-wide callback.
        subscriber.setCallback(new CountingCallback(received, "/" + phase + "-"));
        subscriber.connect(opts);
        subscriber.subscribe(Topics.allKiosks(Topics.Channel.EVENT), 1);
        try (VirtualFleet fleet = VirtualFleet.start(o.kiosks(), fleetBase(o, hub, data.resolve(phase), phase))) {
            awaitCount(received::get, o.kiosks(), "raw: kiosk.started events"); // every kiosk connected
            long before = received.get();
            long t0 = System.nanoTime();
            fleet.burst(perKiosk, 0);
            awaitCount(received::get, before + total, "raw: burst events at the plain subscriber");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = total / seconds;
            out.printf(Locale.ROOT, "%-16s raw broker throughput (same publishers -> plain QoS 1 subscriber): %8.0f events/s  (%.2f s)%n",
                    phase, rate, seconds);
            return rate;
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    /** Counts every message of the phase's kiosks that arrives; the plain subscriber does nothing else. */
    private record CountingCallback(AtomicLong received, String phaseKiosks) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.contains(phaseKiosks)) {
                received.incrementAndGet();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    record Stored(double perSecond, double p50Millis, double p99Millis) {
    }

    private static Stored storedPhase(Options o, EdgeHub hub, Path data, int perKiosk, int total, String phase,
            PrintStream out) throws Exception {
        DataSource db = hub.dataSource();
        try (VirtualFleet fleet = VirtualFleet.start(o.kiosks(), fleetBase(o, hub, data.resolve(phase), phase))) {
            awaitCount(() -> count(db, phase, "kiosk.started"), o.kiosks(), "stored: kiosk.started events");
            long t0 = System.nanoTime();
            fleet.burst(perKiosk, 0);
            awaitCount(() -> count(db, phase, "demo.activity"), total, "stored: burst events in PostgreSQL");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = total / seconds;
            Percentiles latency = Percentiles.of(latenciesMillis(db, phase));
            out.printf(Locale.ROOT, "%-16s stored end to end (kiosk accept -> PostgreSQL commit):            %8.0f events/s  (%.2f s)%n",
                    phase, rate, seconds);
            out.printf(Locale.ROOT, "%-16s latency kiosk accept -> row committed:  p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                    phase, latency.at(50), latency.at(99), latency.at(100));
            return new Stored(rate, latency.at(50), latency.at(99));
        }
    }

    private interface Counter {
        long get() throws Exception;
    }

    private static void awaitCount(Counter counter, long target, String what) throws Exception {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        long n;
        while ((n = counter.get()) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": only " + n + " of " + target + " after " + PHASE_LIMIT);
            }
            Thread.sleep(20);
        }
    }

    private static long count(DataSource db, String phase, String type) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM events WHERE kiosk_id LIKE ? AND type = ?")) {
            ps.setString(1, phase + "-%");
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double[] latenciesMillis(DataSource db, String phase) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT extract(epoch FROM stored_at - occurred_at) * 1000 "
                        + "FROM events WHERE kiosk_id LIKE ? AND type = 'demo.activity'")) {
            ps.setString(1, phase + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getDouble(1));
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

}

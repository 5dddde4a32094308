package fr.vigie.hub.testing;

import com.hivemq.embedded.EmbeddedHiveMQ;
import fr.vigie.hub.broker.FreePort;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.flywaydb.core.Flyway;

/**
 * A hub data directory as hubs before issue 12 left it, to test the upgrade: an embedded PostgreSQL
 * cluster that trusts every local connection (zonky's {@code initdb -A trust}), whose {@code vigie}
 * database the {@code postgres} superuser owns and migrated, with one stored event; a world-readable
 * {@code hub-instance-id}; and an embedded HiveMQ whose anonymous listener kept the persistent session
 * of the hub's former ingest client id ({@code vigie-hub-<instance id>}) with events queued for it.
 */
public final class LegacyHubData {
    /** The event id stored in the legacy database. */
    public static final String EVENT_ID = "01890a5d-ac96-774b-bcce-b302099a8057";
    /** The instance id of the legacy hub. */
    public static final String INSTANCE_ID = "0123456789ab";

    private LegacyHubData() {
    }

    /** A whole legacy data directory (mode 755 throughout, as earlier hubs left it); returns the queued events' ids. */
    public static List<String> hub(Path dataDir, KioskAddress kiosk, int queuedEvents) throws Exception {
        Files.createDirectories(dataDir);
        database(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("hub-instance-id"), INSTANCE_ID + "\n");
        List<String> ids = brokerSession(dataDir.resolve("broker"), "vigie-hub-" + INSTANCE_ID, kiosk, queuedEvents);
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : all.filter(Files::isDirectory).filter(d -> !d.startsWith(dataDir.resolve("postgres/data")))
                    .toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return ids;
    }

    /**
     * Runs HiveMQ on {@code brokerDir} as the earlier hub's embedded broker did (anonymous loopback
     * listener): the hub's persistent session subscribes to every event, goes away, and a kiosk
     * publishes {@code n} events that the broker queues for it.
     */
    public static List<String> brokerSession(Path brokerDir, String hubClientId, KioskAddress kiosk, int n)
            throws Exception {
        int port = FreePort.onLoopback();
        for (String d : List.of("conf", "data", "extensions")) {
            Files.createDirectories(brokerDir.resolve(d));
        }
        Files.writeString(brokerDir.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <mqtt><queued-messages><max-queue-size>1000000</max-queue-size></queued-messages></mqtt>
                  <persistence><mode>file</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        List<String> ids = new ArrayList<>();
        try (EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(brokerDir.resolve("conf"))
                .withDataFolder(brokerDir.resolve("data")).withExtensionsFolder(brokerDir.resolve("extensions"))
                .withoutLoggingBootstrap().build()) {
            hivemq.start().get(60, TimeUnit.SECONDS);
            String url = "tcp://127.0.0.1:" + port;
            MqttClient hub = new MqttClient(url, hubClientId, new MemoryPersistence());
            MqttConnectionOptions persistent = new MqttConnectionOptions();
            persistent.setCleanStart(false);
            persistent.setSessionExpiryInterval(Duration.ofDays(7).toSeconds());
            hub.connect(persistent);
            hub.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.allKiosks(Topics.Channel.EVENT), 1),
                new MqttSubscription(Topics.allKiosks(Topics.Channel.STATUS), 1)});
            hub.disconnect();
            hub.close();
            MqttClient device = new MqttClient(url, "legacy-kiosk", new MemoryPersistence());
            device.connect();
            for (int seq = 1; seq <= n; seq++) {
                EventEnvelope e = Events.demo(kiosk, seq, Instant.now());
                MqttMessage m = new MqttMessage(Events.CODEC.encode(e));
                m.setQos(1);
                device.publish(Topics.event(kiosk), m);
                ids.add(e.eventId().toString());
            }
            device.disconnect();
            device.close();
            hivemq.stop().get(60, TimeUnit.SECONDS);
        }
        return ids;
    }

    /** Creates the cluster in {@code <postgresDir>/data} the way the earlier hub did, and stops it. */
    public static void database(Path postgresDir) throws Exception {
        Files.createDirectories(postgresDir.resolve("data"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(postgresDir.resolve("data"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setLocaleConfig("locale", "C").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE vigie ENCODING 'UTF8' TEMPLATE template0");
            }
            var vigie = pg.getDatabase("postgres", "vigie");
            Flyway.configure().dataSource(vigie).locations("classpath:db/migration").load().migrate();
            try (Connection c = vigie.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO events (event_id, site, kiosk_id, seq, type, occurred_at, schema_version, payload,"
                        + " stored_at) VALUES ('" + EVENT_ID + "', 'chu-nord', 'k-1', 1, 'demo.activity', now(), 1,"
                        + " '{\"action\":\"before-upgrade\",\"burstIndex\":1}', now())");
            }
        }
    }
}

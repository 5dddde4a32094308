package fr.vigie.hub.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A hub data directory as hubs before issue 12 left it, to test the upgrade: an embedded PostgreSQL
 * cluster that trusts every local connection (zonky's {@code initdb -A trust}), whose {@code vigie}
 * database the {@code postgres} superuser owns and migrated, with one stored event.
 */
public final class LegacyHubData {
    /** The event id stored in the legacy database. */
    public static final String EVENT_ID = "01890a5d-ac96-774b-bcce-b302099a8057";

    private LegacyHubData() {
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

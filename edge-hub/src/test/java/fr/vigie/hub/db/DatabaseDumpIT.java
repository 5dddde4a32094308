package fr.vigie.hub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditVerification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database half of a backup through the path a site PostgreSQL takes ({@code hub.db.url}): a migrated hub
 * database is dumped with {@code pg_dump} by its JDBC URL and role, and restored with {@code pg_restore} into
 * another server's empty database, objects owned by the restoring role; the restored rows are the dumped ones and the audit chain still verifies.
 */
class DatabaseDumpIT {
    @TempDir
    Path dir;

    @Test
    void aHubDatabaseDumpedByItsUrlComesBackWhole() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        String source;
        try (HubDatabase site = HubDatabase.embedded(dir.resolve("site"))) {
            AuditLog audit = new AuditLog(site.dataSource(), Clock.systemUTC());
            audit.append(AuditEntry.of("it-admin", "COMMAND_SENT", "kiosk:it/k1"));
            audit.append(AuditEntry.of("it-admin", "DEVICE_REVOKED", "kiosk:it/k2"));
            source = rowCounts(site.dataSource());
            try (DatabaseDump db = DatabaseDump.external(site.jdbcUrl(), HubRole.NAME,
                    secret(dir.resolve("site"), HubDatabase.HUB_ROLE_SECRET))) {
                assertFalse(db.isEmpty());
                db.dump(in -> in.transferTo(dump));
            }
            // the URL's TLS mode reaches pg_dump: this server has no TLS, so one that requires it is refused
            try (DatabaseDump tls = DatabaseDump.external(site.jdbcUrl() + "?sslmode=require&ApplicationName=x",
                    HubRole.NAME, secret(dir.resolve("site"), HubDatabase.HUB_ROLE_SECRET))) {
                IOException refused = assertThrows(IOException.class, () -> tls.dump(in -> in.transferTo(
                        java.io.OutputStream.nullOutputStream())));
                assertTrue(refused.getMessage().contains("SSL"), refused.getMessage());
            }
        }
        assertTrue(new String(dump.toByteArray(), 0, 5, StandardCharsets.US_ASCII).equals("PGDMP"), "custom format");

        try (EmbeddedPostgresServer target = EmbeddedPostgresServer.start(dir.resolve("target"),
                PostgresBinaries.userCache());
                DatabaseDump db = DatabaseDump.external(target.jdbcUrl(), target.user(), target.password())) {
            assertTrue(db.isEmpty());
            db.restore(new ByteArrayInputStream(dump.toByteArray()));
            assertFalse(db.isEmpty());
            assertEquals(source, rowCounts(db.dataSource()));
            AuditVerification chain = new AuditLog(db.dataSource(), Clock.systemUTC()).verify();
            assertTrue(chain.intact() && chain.headSeq() == 2, chain.describe());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            + " AND tableowner <> '" + HubRole.NAME + "'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "every restored table belongs to the hub's role");
            }
            // a second restore into the same database fails inside its one transaction
            IOException again = assertThrows(IOException.class,
                    () -> db.restore(new ByteArrayInputStream(dump.toByteArray())));
            assertTrue(again.getMessage().startsWith("pg_restore failed"), again.getMessage());
        }
    }

    @Test
    void aUrlPgDumpCannotTakeIsRefusedByName() {
        IOException e = assertThrows(IOException.class,
                () -> DatabaseDump.external("jdbc:postgresql://a:5432,b:5432/vigie", "u", "p"));
        assertTrue(e.getMessage().contains("hub.db.url"), e.getMessage());
    }

    /** Table name and row count of every table of the hub's schema, one per line. */
    private static String rowCounts(javax.sql.DataSource ds) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " ORDER BY tablename")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String t : names) {
                try (Statement count = c.createStatement();
                        ResultSet rs = count.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    out.append(t).append(' ').append(rs.getLong(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String secret(Path server, String name) throws Exception {
        return Files.readString(server.resolve(name), StandardCharsets.US_ASCII).strip();
    }
}

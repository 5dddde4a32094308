package fr.vigie.hub.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.testing.LegacyHubData;
import fr.vigie.hub.testing.Psql;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local user of the hub's machine, without the hub's secrets, against the embedded PostgreSQL:
 * {@code psql} as the superuser or as the hub's role is refused, over TCP and over a Unix socket,
 * while the same psql with the secret gets in; the hub's role is no superuser and owns what it uses.
 * The same holds for a cluster an earlier hub left trusting every local connection, upgraded at start.
 */
class EmbeddedPostgresAccessIT {
    @TempDir
    static Path dir;
    static HubDatabase fresh;
    static HubDatabase upgraded;

    @BeforeAll
    static void start() throws Exception {
        fresh = HubDatabase.embedded(dir.resolve("fresh"));
        LegacyHubData.database(dir.resolve("legacy"));
        upgraded = HubDatabase.embedded(dir.resolve("legacy"));
    }

    @AfterAll
    static void stop() {
        for (HubDatabase db : new HubDatabase[] {fresh, upgraded}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void psqlWithoutTheSecretIsRefusedAsTheSuperuserAndAsTheHubRole() throws Exception {
        for (String name : List.of("fresh", "legacy")) {
            Path server = dir.resolve(name);
            int port = port(name.equals("fresh") ? fresh : upgraded);
            for (String user : List.of("postgres", HubRole.NAME)) {
                for (String host : List.of("127.0.0.1", "localhost")) {
                    Psql.Result none = Psql.run(host, port, user, "vigie", null, "SELECT 1");
                    Psql.Result guessed = Psql.run(host, port, user, "vigie", "postgres", "SELECT 1");
                    assertFalse(none.connected(), host + " as " + user + " without password: " + none.output());
                    assertFalse(guessed.connected(), host + " as " + user + " with a guess: " + guessed.output());
                    assertTrue(guessed.output().contains("password authentication failed"), guessed.output());
                }
            }
            Psql.Result socket = Psql.run("/tmp", port, "postgres", "vigie", null, "SELECT 1");
            assertFalse(socket.connected(), "Unix socket: " + socket.output());
            assertFalse(Files.exists(Path.of("/tmp/.s.PGSQL." + port)), "no Unix socket");

            // the same psql with the secret gets in: the refusals above are the server's authentication
            Psql.Result withSecret = Psql.run("127.0.0.1", port, HubRole.NAME, "vigie", secret(server,
                    HubDatabase.HUB_ROLE_SECRET), "SELECT current_user");
            assertEquals(HubRole.NAME, withSecret.output().trim(), withSecret.output());
        }
    }

    @Test
    void theHubRoleCannotRunProgramsOrReadFilesOfTheServer() throws Exception {
        Path server = dir.resolve("fresh");
        String password = secret(server, HubDatabase.HUB_ROLE_SECRET);
        Psql.Result program = Psql.run("127.0.0.1", port(fresh), HubRole.NAME, "vigie", password,
                "CREATE TEMP TABLE t (x text); COPY t FROM PROGRAM 'id'");
        Psql.Result file = Psql.run("127.0.0.1", port(fresh), HubRole.NAME, "vigie", password,
                "SELECT pg_read_file('pg_hba.conf')");

        assertFalse(program.connected(), program.output());
        assertTrue(program.output().contains("must be superuser or a member of the pg_execute_server_program role"),
                program.output());
        assertFalse(file.connected(), file.output());
        assertTrue(file.output().contains("permission denied"), file.output());
    }

    @Test
    void theHubConnectsAsItsOwnRoleWhichIsNoSuperuserAndOwnsEveryObject() throws Exception {
        for (HubDatabase db : List.of(fresh, upgraded)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertEquals(HubRole.NAME, one(s, "SELECT current_user"));
                assertEquals("f", one(s, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles"
                        + " WHERE rolname = current_user"));
                assertEquals(HubRole.NAME, one(s, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                        + " WHERE datname = current_database()"));
                assertEquals(HubRole.NAME, one(s, "SELECT nspowner::regrole::text FROM pg_namespace"
                        + " WHERE nspname = 'public'"));
                assertEquals(List.of(), all(s, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> current_user"));
                assertEquals(List.of(), all(s, "SELECT p.proname FROM pg_proc p JOIN pg_namespace n"
                        + " ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> current_user"));
                assertEquals("0", one(s, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
            }
        }
    }

    @Test
    void aClusterThatTrustedLocalConnectionsKeepsItsDataAndTrustsNoMore() throws Exception {
        Path data = dir.resolve("legacy").resolve("data");
        try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals("before-upgrade", one(s, "SELECT payload->>'action' FROM events WHERE event_id = '"
                    + LegacyHubData.EVENT_ID + "'"));
        }
        String hba = Files.readString(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
        List<String> rules = hba.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertFalse(rules.isEmpty());
        assertTrue(rules.stream().allMatch(l -> l.endsWith("scram-sha-256") && !l.contains("trust")), hba);
    }

    @Test
    void secretsAreOwnerOnlyAndTheServerDirectoryPrivate() throws Exception {
        for (Path server : List.of(dir.resolve("fresh"), dir.resolve("legacy"))) {
            assertEquals("rwx------", mode(server));
            assertEquals("rwx------", mode(server.resolve("data")));
            assertEquals("rw-------", mode(server.resolve(HubDatabase.SUPERUSER_SECRET)));
            assertEquals("rw-------", mode(server.resolve(HubDatabase.HUB_ROLE_SECRET)));
            assertEquals("rw-------", mode(server.resolve("postgres.log")));
            String log = Files.readString(server.resolve("postgres.log"), StandardCharsets.UTF_8);
            assertFalse(log.contains(secret(server, HubDatabase.SUPERUSER_SECRET)));
            assertFalse(log.contains(secret(server, HubDatabase.HUB_ROLE_SECRET)));
        }
    }

    private static int port(HubDatabase db) {
        return URI.create(db.jdbcUrl().substring("jdbc:".length())).getPort();
    }

    private static String secret(Path server, String name) throws Exception {
        return Files.readString(server.resolve(name), StandardCharsets.US_ASCII).strip();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> all(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

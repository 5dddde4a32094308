package fr.vigie.hub.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky), with its data kept in a directory between runs and its own log
 * file beside it. Before starting it clears what a killed hub may have left (see {@link StalePostmaster}).
 * Serves a {@code vigie} database, created on first start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String DATABASE = "vigie";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path directory) throws IOException, SQLException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        StalePostmaster.clear(data, Duration.ofSeconds(30));
        java.io.File log = directory.resolve("postgres.log").toFile();
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the hub closes it, after ingest has committed
                .setLocaleConfig("locale", "C")
                .setServerConfig("fsync", "on") // zonky passes -F (fsync off); events are acknowledged after commit
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "50")
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), data);
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}

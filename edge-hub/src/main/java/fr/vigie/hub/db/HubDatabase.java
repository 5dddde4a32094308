package fr.vigie.hub.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub database: a HikariCP pool on the embedded PostgreSQL or on an external one, migrated with
 * Flyway ({@code classpath:db/migration}) before it is handed out. Thread-safe.
 *
 * <pre>{@code
 * try (HubDatabase db = HubDatabase.embedded(dataDir.resolve("postgres"))) {
 *     DataSource ds = db.dataSource();
 * }
 * }</pre>
 */
public final class HubDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubDatabase.class);
    private static final int POOL_SIZE = 8;

    private final HikariDataSource pool;
    private final EmbeddedPostgresServer server;

    private HubDatabase(HikariDataSource pool, EmbeddedPostgresServer server) {
        this.pool = pool;
        this.server = server;
    }

    /** Starts (or restarts on its existing data) the embedded PostgreSQL in {@code directory}, then migrates. */
    public static HubDatabase embedded(Path directory) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory);
        try {
            return open(server.jdbcUrl(), EmbeddedPostgresServer.USER, "", server);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** Connects to an external PostgreSQL, then migrates. */
    public static HubDatabase external(String jdbcUrl, String user, String password) throws SQLException {
        return open(jdbcUrl, user, password, null);
    }

    private static HubDatabase open(String url, String user, String password, EmbeddedPostgresServer server)
            throws SQLException {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("vigie-hub-db");
        hc.setJdbcUrl(url);
        if (!user.isEmpty()) {
            hc.setUsername(user);
        }
        if (!password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(POOL_SIZE);
        hc.setConnectionTimeout(10_000);
        hc.setValidationTimeout(2_000);
        hc.setInitializationFailTimeout(30_000);
        hc.addDataSourceProperty("ApplicationName", "vigie-hub");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            LOG.info("database ready ({}), schema version {}", server != null ? "embedded" : "external",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
            return new HubDatabase(pool, server);
        } catch (RuntimeException e) {
            pool.close();
            throw new SQLException("cannot migrate the hub database: " + e.getMessage(), e);
        }
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return pool;
    }

    /** Whether a connection can be had and answers within two seconds. */
    public boolean isHealthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        pool.close();
        if (server != null) {
            server.close();
        }
    }
}

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
 * Flyway ({@code classpath:db/migration}) before it is handed out. On the embedded server the pool
 * and Flyway connect as the hub's own role ({@value HubRole#NAME}, no superuser), with the password
 * kept in {@value #HUB_ROLE_SECRET}; on an external one, as the configured user. Thread-safe.
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
    /** The embedded superuser's password file, inside the server's directory (mode 600). */
    public static final String SUPERUSER_SECRET = EmbeddedPostgresServer.SUPERUSER_SECRET;
    /** The hub role's password file, inside the server's directory (mode 600). */
    public static final String HUB_ROLE_SECRET = EmbeddedPostgresServer.HUB_ROLE_SECRET;

    private final HikariDataSource pool;
    private final EmbeddedPostgresServer server;
    private final String jdbcUrl;

    private HubDatabase(HikariDataSource pool, EmbeddedPostgresServer server, String jdbcUrl) {
        this.pool = pool;
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Starts (or restarts on its existing data) the embedded PostgreSQL in {@code directory}, closed to
     * anyone without the secrets it keeps there, then migrates it as the hub's own role. Its programs
     * are unpacked in the user's cache folder (see {@link PostgresBinaries}).
     */
    public static HubDatabase embedded(Path directory) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, PostgresBinaries.userCache());
        try {
            return open(server.jdbcUrl(), server.user(), server.password(), server);
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
            return new HubDatabase(pool, server, url);
        } catch (RuntimeException e) {
            pool.close();
            throw new SQLException("cannot migrate the hub database: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL the pool connects to (no credentials in it). */
    public String jdbcUrl() {
        return jdbcUrl;
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

package fr.vigie.hub.db;

import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.device.DeviceSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky), with its data kept in a directory between runs and its own log
 * file beside it. Before starting it clears what a killed hub may have left (see {@link StalePostmaster})
 * and closes the cluster to anyone without the hub's secrets ({@link ClusterAuthentication}): SCRAM
 * passwords on the loopback only, no Unix socket, a generated superuser password in
 * {@value #SUPERUSER_SECRET}. It then serves the {@code vigie} database to the hub's own role
 * ({@link HubRole}, password in {@value #HUB_ROLE_SECRET}). Both secret files are 256-bit, mode 600,
 * in the server's directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    /** The superuser's password file, in the server's directory. */
    static final String SUPERUSER_SECRET = "superuser.secret";
    /** The hub role's password file, in the server's directory. */
    static final String HUB_ROLE_SECRET = "hub-role.secret";
    private static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final char[] hubRolePassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, char[] hubRolePassword) {
        this.postgres = postgres;
        this.hubRolePassword = hubRolePassword;
    }

    static EmbeddedPostgresServer start(Path directory, PostgresBinaries binaries) throws IOException, SQLException {
        if (AtomicFiles.makePrivateDirectory(directory)) {
            LOG.warn("{} was open to other users of this machine; it is now owner-only (700)", directory);
        }
        Path data = directory.resolve("data");
        AtomicFiles.makePrivateDirectory(data);
        StalePostmaster.clear(data, Duration.ofSeconds(30));
        Path log = privateFile(directory.resolve("postgres.log"));
        boolean newSuperuserSecret = !Files.exists(directory.resolve(SUPERUSER_SECRET));
        char[] superuser = DeviceSecret.loadOrCreate(directory.resolve(SUPERUSER_SECRET));
        char[] hubRole = DeviceSecret.loadOrCreate(directory.resolve(HUB_ROLE_SECRET));
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.cache().toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the hub closes it, after ingest has committed
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on") // zonky passes -F (fsync off); events are acknowledged after commit
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("unix_socket_directories", "") // TCP on the loopback only, always with a password
                    .setConnectConfig("password", new String(superuser))
                    .setDataDirectoryCustomizer(dir -> ClusterAuthentication.secure(dir.toPath(), binaries, superuser,
                            newSuperuserSecret, log))
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
        } catch (IOException | RuntimeException e) {
            Arrays.fill(hubRole, '\0');
            throw e;
        } finally {
            Arrays.fill(superuser, '\0');
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, hubRole);
        try {
            HubRole.ensure(postgres.getPostgresDatabase(), postgres.getDatabase(SUPERUSER, HubRole.DATABASE), hubRole);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("embedded PostgreSQL on 127.0.0.1:{} with data in {}; the hub connects as '{}'", postgres.getPort(),
                data, HubRole.NAME);
        return server;
    }

    /** Creates {@code file} owner-only if missing, or makes it so. */
    private static Path privateFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
        return file;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + HubRole.DATABASE;
    }

    String user() {
        return HubRole.NAME;
    }

    /** The hub role's password; the caller must not keep or log it. */
    String password() {
        return new String(hubRolePassword);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
        Arrays.fill(hubRolePassword, '\0');
    }
}

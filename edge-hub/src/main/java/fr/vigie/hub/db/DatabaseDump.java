package fr.vigie.hub.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The hub's database seen by a backup or a restore: a consistent dump with {@code pg_dump} (custom format, one
 * snapshot, so a hub may go on writing meanwhile) and a restore with {@code pg_restore} into an empty database,
 * objects owned by the role that restores. The programs are Debian's ({@code postgresql-client}): zonky's
 * embedded distribution has only {@code initdb}, {@code pg_ctl} and {@code postgres}. Passwords reach them in a
 * private password file ({@code PGPASSFILE}, mode 600, deleted after), never on a command line.
 *
 * <pre>{@code
 * try (DatabaseDump db = DatabaseDump.runningEmbedded(dataDir.resolve("postgres"))) {
 *     db.dump(in -> archive.entry(..., in));
 * }
 * }</pre>
 * Not thread-safe; {@link #close()} stops an embedded server it started.
 */
public final class DatabaseDump implements AutoCloseable {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::([0-9]{1,5}))?/([^?/]+)(\\?.*)?");
    private static final Pattern POSTGRES_DIR_VERSION = Pattern.compile("[0-9]+");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final char[] password;
    private final EmbeddedPostgresServer server;
    private final String jdbcUrl;
    private final java.util.Map<String, String> tlsEnvironment;

    private DatabaseDump(String host, int port, String database, String user, char[] password,
            EmbeddedPostgresServer server, String jdbcUrl, java.util.Map<String, String> tlsEnvironment) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.tlsEnvironment = tlsEnvironment;
    }

    /** What reads a dump as it is made. */
    @FunctionalInterface
    public interface DumpReader {
        void read(InputStream dump) throws IOException;
    }

    /**
     * The embedded PostgreSQL of a hub that runs now: its port from {@code postmaster.pid}, the hub's role and its
     * password from {@value HubDatabase#HUB_ROLE_SECRET}.
     */
    public static DatabaseDump runningEmbedded(Path postgresDir) throws IOException {
        Path pidFile = postgresDir.resolve("data").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            throw new IOException("the hub runs but its embedded PostgreSQL does not (no " + pidFile + "): try again"
                    + " once the hub is up");
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4 || !lines.get(3).strip().matches("[0-9]{1,5}")) {
            throw new IOException(pidFile + " does not name the server's port (still starting?)");
        }
        char[] secret = Files.readString(postgresDir.resolve(HubDatabase.HUB_ROLE_SECRET), StandardCharsets.UTF_8)
                .strip().toCharArray();
        return new DatabaseDump("127.0.0.1", Integer.parseInt(lines.get(3).strip()), HubRole.DATABASE, HubRole.NAME,
                secret, null, null, java.util.Map.of());
    }

    /**
     * Starts the embedded PostgreSQL in {@code postgresDir} for as long as this object is open: the cluster of a
     * stopped hub, or a new one when the folder holds only the two secret files (a restore). The caller holds the
     * hub's data-directory lock.
     */
    public static DatabaseDump startEmbedded(Path postgresDir) throws IOException, SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(postgresDir, PostgresBinaries.userCache());
        return new DatabaseDump("127.0.0.1", server.port(), HubRole.DATABASE, server.user(),
                server.password().toCharArray(), server, null, java.util.Map.of());
    }

    /**
     * The site's PostgreSQL as {@code hub.db.url}, {@code hub.db.user} and {@code hub.db.password} name it; the URL's
     * {@code sslmode} and {@code sslrootcert} reach {@code pg_dump} and {@code pg_restore} too.
     */
    public static DatabaseDump external(String jdbcUrl, String user, String password) throws IOException {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IOException("hub.db.url '" + jdbcUrl + "' is not of the form jdbc:postgresql://HOST[:PORT]/DATABASE"
                    + " that a backup can hand to pg_dump");
        }
        return new DatabaseDump(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                user.isEmpty() ? System.getProperty("user.name") : user, password.toCharArray(), null, jdbcUrl,
                tlsEnvironment(m.group(4)));
    }

    /**
     * The TLS parameters of a JDBC URL ({@code ?sslmode=verify-full&sslrootcert=…}) as the libpq environment
     * variables {@code pg_dump} and {@code pg_restore} read, so that they connect as securely as the hub does.
     */
    private static java.util.Map<String, String> tlsEnvironment(String query) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        if (query == null) {
            return env;
        }
        // sslcert and sslkey are left out: pgjdbc wants the key as DER (.pk8), libpq as PEM
        java.util.Map<String, String> names = java.util.Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT");
        for (String pair : query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && names.containsKey(pair.substring(0, eq))) {
                env.put(names.get(pair.substring(0, eq)), java.net.URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return env;
    }

    /** A data source on that database, as the hub's role (or the configured user). */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (jdbcUrl != null) {
            ds.setUrl(jdbcUrl); // with its TLS parameters, as the hub connects
        } else {
            ds.setServerNames(new String[] {host});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName(database);
        }
        ds.setUser(user);
        ds.setPassword(new String(password));
        ds.setApplicationName("vigie-hub-backup");
        return ds;
    }

    /** Whether the database holds no table yet (a restore goes only into such a one). */
    public boolean isEmpty() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /** Runs {@code pg_dump --format=custom} and hands its output to {@code reader} as it comes. */
    public void dump(DumpReader reader) throws IOException {
        run(List.of("pg_dump", "--format=custom", "--compress=6"), process -> {
            process.getOutputStream().close();
            try (InputStream out = process.getInputStream()) {
                reader.read(out);
            }
        });
    }

    /** Runs {@code pg_restore} (one transaction, stop at the first error) on {@code dump}. */
    public void restore(InputStream dump) throws IOException {
        run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"),
                process -> {
                    try (OutputStream in = process.getOutputStream()) {
                        dump.transferTo(in);
                    }
                });
    }

    @FunctionalInterface
    private interface Exchange {
        void with(Process process) throws IOException;
    }

    private void run(List<String> command, Exchange exchange) throws IOException {
        Path passFile = Files.createTempFile("vigie-pgpass", "", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passFile, escape(host) + ":" + port + ":" + escape(database) + ":" + escape(user) + ":"
                    + escape(new String(password)) + "\n", StandardCharsets.UTF_8);
            List<String> full = new ArrayList<>(command);
            full.set(0, program(command.get(0)).toString());
            full.addAll(List.of("--host=" + host, "--port=" + port, "--username=" + user, "--dbname=" + database,
                    "--no-password"));
            ProcessBuilder pb = new ProcessBuilder(full);
            pb.environment().put("PGPASSFILE", passFile.toString());
            pb.environment().remove("PGPASSWORD");
            pb.environment().putAll(tlsEnvironment);
            Process process = pb.start();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try (InputStream err = process.getErrorStream()) {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = err.read(buf)) >= 0) {
                        if (errors.size() < 16_384) {
                            errors.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, command.get(0) + "-stderr");
            drain.start();
            try {
                exchange.with(process);
                if (!process.waitFor(1, TimeUnit.HOURS)) {
                    throw new IOException(command.get(0) + " did not finish within an hour");
                }
                drain.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + command.get(0) + " ran", e);
            } catch (IOException e) {
                process.destroyForcibly();
                throw e;
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + errors.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(passFile);
        }
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    /**
     * {@code name} on the {@code PATH}, else in the newest {@code /usr/lib/postgresql/<version>/bin}.
     *
     * @throws IOException saying which Debian package brings it
     */
    static Path program(String name) throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.filter(d -> POSTGRES_DIR_VERSION.matcher(d.getFileName().toString()).matches())
                        .filter(d -> Files.isExecutable(d.resolve("bin").resolve(name)))
                        .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin").resolve(name);
                }
            }
        }
        throw new IOException(name + " is not installed: install Debian's postgresql-client (apt-get install"
                + " postgresql-client)");
    }

    /** Stops the embedded server this object started, if any, and forgets the password. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}

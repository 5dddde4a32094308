package fr.vigie.kiosk.outbox;

import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the outbox's SQLite file: takes the process lock, sets WAL and the sync level, checks
 * integrity, creates or checks the schema and the owning kiosk. Also turns SQLite errors into
 * {@link OutboxException}s naming the file.
 */
final class OutboxFile {
    static final int FORMAT = 1;
    static final String LAST_SEQ = "last_seq";
    static final String ACCEPTED_PREFIX = "accepted:";
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private OutboxFile() {
    }

    /**
     * Locks {@code file}'s sibling {@code .lock} file for this process, or fails with OUTBOX_LOCKED.
     * Paths locked in this JVM are also kept in a set: on Linux, closing any channel on a file drops
     * every lock the process holds on it, so a second attempt must not even open the lock file.
     */
    static Lock lock(Path file) {
        Path lockFile = file.toAbsolutePath().normalize().resolveSibling(file.getFileName() + ".lock");
        if (!LOCKED_HERE.add(lockFile)) {
            throw locked(file, null);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(file, null);
            }
            return new Lock(lockFile, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            LOCKED_HERE.remove(lockFile);
            if (e instanceof OutboxException oe) {
                throw oe;
            }
            if (e instanceof OverlappingFileLockException) {
                throw locked(file, e);
            }
            throw new OutboxException(OutboxError.OUTBOX_UNAVAILABLE,
                    "cannot create or lock the outbox lock file " + lockFile + ": " + e, e);
        }
    }

    /** The process lock on an outbox; closing it releases the lock. */
    record Lock(Path lockFile, FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            closeQuietly(channel);
            LOCKED_HERE.remove(lockFile);
        }
    }

    private static OutboxException locked(Path file, Throwable cause) {
        return new OutboxException(OutboxError.OUTBOX_LOCKED, "outbox " + file
                + " is already open in another kiosk process (or twice in this one); stop it first", cause);
    }

    /**
     * The writing connection: WAL, the given sync level, schema created and checked. It stays in JDBC
     * autocommit mode; the outbox brackets its transactions with explicit BEGIN IMMEDIATE / COMMIT so
     * that it can change the sync level between them.
     */
    static Connection openWriter(Path file, SyncLevel sync, KioskAddress kiosk) {
        Connection c = connect(file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new OutboxException(OutboxError.OUTBOX_UNAVAILABLE,
                            "outbox " + file + " cannot use WAL journaling (got '" + mode + "')");
                }
            }
            s.execute("PRAGMA synchronous = " + sync.name());
            checkIntegrity(file, s);
            s.execute("CREATE TABLE IF NOT EXISTS outbox_meta (name TEXT PRIMARY KEY NOT NULL, value NOT NULL)"
                    + " WITHOUT ROWID");
            s.execute("CREATE TABLE IF NOT EXISTS outbox_event (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL,"
                    + " type TEXT NOT NULL, body BLOB NOT NULL)");
            s.execute("INSERT OR IGNORE INTO outbox_meta (name, value) VALUES ('format', " + FORMAT + "),"
                    + " ('" + LAST_SEQ + "', 0), ('kiosk', '" + kiosk + "')");
            checkFormatAndOwner(file, s, kiosk);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof OutboxException oe ? oe : failure(file, "open", e);
        }
    }

    /** A read-only connection for the publisher's reads, so that they never wait behind a commit. */
    static Connection openReader(Path file) {
        Connection c = connect(file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA query_only = 1");
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure(file, "open", e);
        }
    }

    private static Connection connect(Path file) {
        try {
            Properties properties = new Properties();
            properties.setProperty("jdbc.get_generated_keys", "false"); // spares a query after each insert
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        } catch (SQLException e) {
            throw failure(file, "open", e);
        }
    }

    private static void checkIntegrity(Path file, Statement s) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new OutboxException(OutboxError.OUTBOX_CORRUPT, "outbox " + file + " fails its integrity check "
                    + problems + "; move it aside to start an empty outbox (its events will not be sent)");
        }
    }

    private static void checkFormatAndOwner(Path file, Statement s, KioskAddress kiosk) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT name, value FROM outbox_meta WHERE name IN ('format', 'kiosk')")) {
            while (rs.next()) {
                String value = rs.getString(2);
                if (rs.getString(1).equals("format") && rs.getLong(2) != FORMAT) {
                    throw new OutboxException(OutboxError.OUTBOX_FORMAT, "outbox " + file + " has format " + value
                            + ", this kiosk software reads format " + FORMAT + "; upgrade the kiosk software");
                }
                if (rs.getString(1).equals("kiosk") && !kiosk.toString().equals(value)) {
                    throw new OutboxException(OutboxError.OUTBOX_WRONG_KIOSK, "outbox " + file
                            + " belongs to kiosk " + value + ", not to " + kiosk + "; check kiosk.id and kiosk.data-dir");
                }
            }
        }
    }

    /** Maps an SQLite failure to the outbox error a person can act on, naming the file. */
    static OutboxException failure(Path file, String action, Exception e) {
        if (e instanceof OutboxException oe) {
            return oe;
        }
        int code = e instanceof SQLException se ? se.getErrorCode() & 0xFF : -1;
        String reason = String.valueOf(e.getMessage());
        return switch (code) {
            case 11, 26 -> new OutboxException(OutboxError.OUTBOX_CORRUPT, "outbox " + file
                    + " is not a readable SQLite database (" + reason
                    + "); move it aside to start an empty outbox (its events will not be sent)", e);
            case 5, 6 -> new OutboxException(OutboxError.OUTBOX_LOCKED, "outbox " + file
                    + " is locked by another program (" + reason + ")", e);
            default -> new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "cannot " + action + " outbox " + file
                    + " (" + reason + "); check the folder exists, is writable and the disk is not full", e);
        };
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing after a failure: the first failure is what matters
        }
    }
}

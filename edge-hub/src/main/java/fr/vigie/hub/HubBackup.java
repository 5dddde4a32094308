package fr.vigie.hub;

import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.backup.ArchiveEntry;
import fr.vigie.hub.backup.ArchiveWriter;
import fr.vigie.hub.backup.BackupRefused;
import fr.vigie.hub.backup.HubArchive;
import fr.vigie.hub.db.DatabaseDump;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one encrypted backup of a hub ({@link HubArchive}): a manifest, every file of the data directory a
 * restored hub needs (site CA and its keys, configuration-signing key, generated CA passphrase, broker and
 * database secrets, audit anchors, instance id — everything but what {@link #isLeftOut} names), the CA passphrase
 * file when {@code hub.ca.passphrase-file} keeps it elsewhere, the settings file, and a consistent
 * {@code pg_dump} of the database, then records {@code HUB_BACKED_UP} in the audit log. The hub may be running
 * (the daily timer's case: its database is dumped as it serves) or stopped (its embedded PostgreSQL is started
 * for the dump, under the data directory's lock). Files are read before the dump, so that the audit anchors
 * saved never name a chain head the dumped database lacks. Stateless.
 */
final class HubBackup {
    /** The data directory's files a backup leaves out, as top-level names or prefixes. */
    private static final List<String> LEFT_OUT = List.of(HubDataDirectory.LOCK_FILE, ".cache/", "broker/",
            "postgres/data/", "postgres/postgres.log", HubRestore.STAGING_PREFIX);

    private HubBackup() {
    }

    /** What a backup wrote. */
    record Written(Path file, long bytes, int entries, boolean hubRunning) {
    }

    static Written write(HubConfig config, Path settingsFile, char[] passphrase, Path output, Clock clock)
            throws IOException, BackupRefused, java.sql.SQLException {
        Path dataDir = config.dataDir();
        if (!Files.isDirectory(dataDir.resolve("site-ca"))) {
            throw new IOException("no hub data in " + dataDir + " (no site-ca folder): check hub.data-dir");
        }
        Optional<HubDataDirectory> stopped = HubDataDirectory.tryOpen(dataDir);
        try (HubDataDirectory held = stopped.orElse(null);
                DatabaseDump db = database(config, stopped.isPresent());
                HubArchive.Writing archive = HubArchive.create(output, passphrase)) {
            ArchiveWriter w = archive.writer();
            w.entry(ArchiveEntry.Kind.MANIFEST, "manifest.properties", 0600, manifest(config, clock, held == null));
            for (Path file : dataFiles(dataDir)) {
                String name = dataDir.relativize(file).toString().replace('\\', '/');
                try (InputStream in = name.equals(AuditAnchor.FILE) ? wholeLines(file) : Files.newInputStream(file)) {
                    w.entry(ArchiveEntry.Kind.DATA_FILE, name, mode(file), in);
                }
            }
            Path caPassphrase = config.pki().caPassphraseFile();
            if (caPassphrase != null && !caPassphrase.toAbsolutePath().startsWith(dataDir.toAbsolutePath())) {
                try (InputStream in = Files.newInputStream(caPassphrase)) {
                    w.entry(ArchiveEntry.Kind.CA_PASSPHRASE, "site-ca.passphrase", 0600, in);
                }
            }
            if (settingsFile != null) {
                try (InputStream in = Files.newInputStream(settingsFile)) {
                    w.entry(ArchiveEntry.Kind.SETTINGS, "hub.properties", 0600, in);
                }
            }
            try {
                db.dump(in -> w.entry(ArchiveEntry.Kind.DATABASE, "vigie.pgdump", 0600, in));
            } catch (IOException e) {
                throw new BackupRefused(BackupRefused.Code.DATABASE_TOOL_FAILED, e.getMessage(), e);
            }
            long bytes = w.bytes();
            int entries = w.entries();
            Path file = archive.commit();
            new AuditLog(db.dataSource(), clock).append(AuditEntry.of(HubMaintenanceCommand.actor(), "HUB_BACKED_UP",
                    "hub:" + config.pki().site(), Map.of("file", file.getFileName().toString(), "bytes",
                            Long.toString(Files.size(file)), "entries", Integer.toString(entries))));
            return new Written(file, bytes, entries, held == null);
        }
    }

    private static DatabaseDump database(HubConfig config, boolean hubStopped) throws IOException, java.sql.SQLException {
        if (!config.embeddedDatabase()) {
            return DatabaseDump.external(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        }
        Path postgres = config.dataDir().resolve("postgres");
        return hubStopped ? DatabaseDump.startEmbedded(postgres) : DatabaseDump.runningEmbedded(postgres);
    }

    private static InputStream manifest(HubConfig config, Clock clock, boolean running) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("created", clock.instant().toString());
        p.setProperty("site", config.pki().site());
        p.setProperty("database", config.embeddedDatabase() ? "embedded" : "external");
        p.setProperty("hub-running", Boolean.toString(running));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "Vigie hub backup");
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** The regular files of the data directory a restored hub needs, sorted. */
    static List<Path> dataFiles(Path dataDir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                String name = dataDir.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !isLeftOut(name)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * Whether a data directory's file stays out of backups: the lock, the user's cache (the package's hub user
     * has the data directory as its home), the broker's live state and keys (made anew at each start; kiosks
     * reconnect with a clean session), the database cluster's files (dumped instead) and its log, and a
     * restore's staging folder.
     */
    static boolean isLeftOut(String relativeName) {
        for (String prefix : LEFT_OUT) {
            if (relativeName.equals(prefix) || prefix.endsWith("/") && relativeName.startsWith(prefix)
                    || relativeName.startsWith(HubRestore.STAGING_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** A file the hub appends to, up to its last complete line. */
    private static InputStream wholeLines(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        return new ByteArrayInputStream(all, 0, end);
    }

    private static int mode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException notPosix) {
            return 0600;
        }
    }
}

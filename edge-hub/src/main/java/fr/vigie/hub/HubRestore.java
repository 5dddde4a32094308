package fr.vigie.hub;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.backup.ArchiveEntry;
import fr.vigie.hub.backup.BackupRefused;
import fr.vigie.hub.backup.HubArchive;
import fr.vigie.hub.db.DatabaseDump;
import fr.vigie.provisioning.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Brings a hub back from a backup ({@link HubBackup}) into a data directory that holds no hub yet: its files
 * with their modes, the database into a fresh embedded PostgreSQL whose superuser and hub role get the
 * passwords the archive's secret files hold (or into the site's empty PostgreSQL), the CA passphrase file
 * where {@code hub.ca.passphrase-file} names it, then {@code HUB_RESTORED} in the restored audit log. The hub
 * then starts with the same root CA, keys and broker secrets, so enrolled kiosks reconnect without
 * re-enrolment.
 *
 * <p>Everything is written into a staging folder inside the data directory ({@value #STAGING_PREFIX}…, which
 * the hub's user may create even where it may not write beside the data directory) and moved into place only
 * once the archive has been read to its authenticated end: a wrong passphrase, a changed or cut archive, or a
 * failed {@code pg_restore} leave the data directory as it was. {@code force} replaces a data directory that
 * holds a hub, once the restore has succeeded. Stateless.
 */
final class HubRestore {
    /** Names of a restore's staging folder start so. */
    static final String STAGING_PREFIX = ".restore-";
    private static final int SMALL_ENTRY_LIMIT = 1 << 20;

    private HubRestore() {
    }

    /** What a restore brought back. */
    record Restored(Path dataDir, String site, String created, int files) {
    }

    static Restored restore(HubConfig config, Path input, char[] passphrase, boolean force, Path settingsOut,
            Clock clock) throws IOException, BackupRefused, SQLException {
        Path dataDir = config.dataDir().toAbsolutePath();
        if (!force && holdsSomething(dataDir)) {
            throw new BackupRefused(BackupRefused.Code.DATA_DIR_NOT_EMPTY, dataDir + " holds a hub's data already:"
                    + " restore into an empty data directory, or add --force to replace it");
        }
        if (settingsOut != null && Files.exists(settingsOut)) {
            throw new BackupRefused(BackupRefused.Code.OUTPUT_EXISTS, settingsOut + " exists already");
        }
        boolean created = !Files.exists(dataDir);
        AtomicFiles.createPrivateDirectory(dataDir);
        Path staging = dataDir.resolve(STAGING_PREFIX + UUID.randomUUID().toString().substring(0, 8));
        boolean restored = false;
        try (HubDataDirectory.Lock lock = HubDataDirectory.lock(dataDir).orElseThrow(() -> new BackupRefused(
                BackupRefused.Code.DATA_DIR_IN_USE, dataDir + " is in use by a running hub: stop it first"))) {
            Files.createDirectory(staging, privateDir());
            Reading reading = new Reading(config, staging);
            try {
                HubArchive.read(input, passphrase, reading::accept);
                reading.checkComplete();
                new AuditLog(reading.db.dataSource(), clock).append(AuditEntry.of(HubMaintenanceCommand.actor(),
                        "HUB_RESTORED", "hub:" + reading.site, Map.of("file", input.getFileName().toString(),
                                "backup-created", reading.created, "files", Integer.toString(reading.files))));
            } finally {
                reading.close();
            }
            commit(dataDir, staging, force, config.pki().caPassphraseFile(), reading.caPassphrase);
            if (settingsOut != null && reading.settings != null) {
                if (Files.exists(settingsOut, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new java.nio.file.FileAlreadyExistsException(settingsOut.toString());
                }
                AtomicFiles.write(settingsOut, reading.settings); // owner-only from its creation: it may hold secrets
            }
            restored = true;
            return new Restored(dataDir, reading.site, reading.created, reading.files);
        } finally {
            if (!restored) {
                deleteTree(staging);
                if (created) {
                    Files.deleteIfExists(dataDir.resolve(HubDataDirectory.LOCK_FILE));
                    Files.deleteIfExists(dataDir);
                }
            }
        }
    }

    /** Whether {@code dir} holds anything but a lock file and the user's cache. */
    static boolean holdsSomething(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .anyMatch(n -> !n.equals(HubDataDirectory.LOCK_FILE) && !n.equals(".cache"));
        }
    }

    /** The archive's entries, as they come, into the staging folder. */
    private static final class Reading implements AutoCloseable {
        private final HubConfig config;
        private final Path staging;
        private String site;
        private String created;
        private int files;
        private byte[] caPassphrase;
        private byte[] settings;
        private DatabaseDump db;

        Reading(HubConfig config, Path staging) {
            this.config = config;
            this.staging = staging;
        }

        void accept(ArchiveEntry entry) throws IOException, BackupRefused {
            switch (entry.kind()) {
                case MANIFEST -> manifest(entry.content());
                case DATA_FILE -> {
                    requireManifest();
                    if (HubBackup.isLeftOut(entry.name())) {
                        throw new BackupRefused(BackupRefused.Code.ARCHIVE_TAMPERED, "the archive holds "
                                + entry.name() + ", which no backup writes");
                    }
                    Path target = staging.resolve(entry.name());
                    createParents(target.getParent());
                    Files.copy(entry.content(), target);
                    Files.setPosixFilePermissions(target, ownerBits(entry.mode()));
                    files++;
                }
                case CA_PASSPHRASE -> caPassphrase(small(entry.content()));
                case SETTINGS -> settings = small(entry.content());
                case DATABASE -> database(entry.content());
                default -> throw new IllegalStateException(entry.kind().toString());
            }
        }

        private void manifest(InputStream in) throws IOException, BackupRefused {
            Properties p = new Properties();
            p.load(new ByteArrayInputStream(small(in)));
            site = p.getProperty("site", "");
            created = p.getProperty("created", "unknown");
            if (!site.equals(config.pki().site())) {
                throw new BackupRefused(BackupRefused.Code.CONFLICTING_FILE, "this backup is of site '" + site
                        + "' but hub.site is '" + config.pki().site() + "': restore with the site's own settings"
                        + " (--settings-out writes the archive's)");
            }
            boolean embedded = "embedded".equals(p.getProperty("database"));
            if (embedded != config.embeddedDatabase()) {
                throw new BackupRefused(BackupRefused.Code.CONFLICTING_FILE, "this backup is of a hub with "
                        + (embedded ? "its embedded PostgreSQL" : "a site PostgreSQL (hub.db.url)")
                        + " but these settings name " + (config.embeddedDatabase() ? "the embedded one" : "a site one"));
            }
        }

        private void caPassphrase(byte[] archived) throws IOException, BackupRefused {
            Path configured = config.pki().caPassphraseFile();
            if (configured == null) {
                throw new BackupRefused(BackupRefused.Code.CONFLICTING_FILE, "the backed-up hub read its CA"
                        + " passphrase from a file of its own (hub.ca.passphrase-file): set that key in these settings");
            }
            if (Files.exists(configured) && !new String(Files.readAllBytes(configured), StandardCharsets.UTF_8).strip()
                    .equals(new String(archived, StandardCharsets.UTF_8).strip())) {
                throw new BackupRefused(BackupRefused.Code.CONFLICTING_FILE, configured + " holds another passphrase"
                        + " than the backed-up hub's: move it away, and the restore writes the backed-up one");
            }
            caPassphrase = archived;
        }

        private void database(InputStream dump) throws IOException, BackupRefused {
            requireManifest();
            try {
                if (config.embeddedDatabase()) {
                    db = DatabaseDump.startEmbedded(staging.resolve("postgres"));
                } else {
                    db = DatabaseDump.external(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
                    if (!db.isEmpty()) {
                        throw new BackupRefused(BackupRefused.Code.DATA_DIR_NOT_EMPTY, "the site database of"
                                + " hub.db.url holds tables already: restore into an empty database");
                    }
                }
                db.restore(dump);
            } catch (SQLException | IOException e) {
                throw new BackupRefused(BackupRefused.Code.DATABASE_TOOL_FAILED, "the database could not be"
                        + " restored: " + e.getMessage(), e);
            }
        }

        private void requireManifest() throws BackupRefused {
            if (site == null) {
                throw new BackupRefused(BackupRefused.Code.FORMAT_UNSUPPORTED, "the archive has no manifest first");
            }
        }

        void checkComplete() throws BackupRefused {
            requireManifest();
            if (db == null) {
                throw new BackupRefused(BackupRefused.Code.FORMAT_UNSUPPORTED, "the archive holds no database");
            }
            if (config.pki().caPassphraseFile() != null && caPassphrase == null) {
                throw new BackupRefused(BackupRefused.Code.CONFLICTING_FILE, "these settings read the CA passphrase"
                        + " from " + config.pki().caPassphraseFile() + " but the backed-up hub kept its own in its data"
                        + " directory: remove hub.ca.passphrase-file from these settings");
            }
        }

        private void createParents(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                createParents(dir.getParent());
                Files.createDirectory(dir, privateDir());
            }
        }

        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
        }
    }

    private static void commit(Path dataDir, Path staging, boolean force, Path caPassphraseFile, byte[] caPassphrase)
            throws IOException {
        if (force) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    String n = p.getFileName().toString();
                    if (!p.equals(staging) && !n.equals(HubDataDirectory.LOCK_FILE) && !n.equals(".cache")) {
                        deleteTree(p);
                    }
                }
            }
        }
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.move(p, dataDir.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(staging);
        if (caPassphrase != null && !Files.exists(caPassphraseFile)) {
            AtomicFiles.write(caPassphraseFile, caPassphrase);
        }
    }

    private static byte[] small(InputStream in) throws IOException, BackupRefused {
        byte[] bytes = in.readNBytes(SMALL_ENTRY_LIMIT + 1);
        if (bytes.length > SMALL_ENTRY_LIMIT) {
            throw new BackupRefused(BackupRefused.Code.FORMAT_UNSUPPORTED, "an entry that should be small is over 1 MiB");
        }
        return bytes;
    }

    private static Set<PosixFilePermission> ownerBits(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        if ((mode & 0400) != 0) {
            perms.add(PosixFilePermission.OWNER_READ);
        }
        if ((mode & 0200) != 0) {
            perms.add(PosixFilePermission.OWNER_WRITE);
        }
        if ((mode & 0100) != 0) {
            perms.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return perms;
    }

    private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> privateDir() {
        return java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}

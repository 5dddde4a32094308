package fr.vigie.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hub's data directory, held with an exclusive lock ({@code hub.lock}) for as long as the hub
 * runs, so that two hubs never share one embedded database or broker. The operating system releases
 * the lock when the process dies, even by SIGKILL. Also keeps the hub's instance id
 * ({@code hub-instance-id}), made once: a public name of this installation, not a secret (the MQTT
 * client ids are derived from the hub's secret instead, see {@code HubMqttCredentials}).
 *
 * <p>Hubs before issue 12 derived their ingest client id from the instance id. The first start of
 * this version on such a directory records that former client id in {@value #FORMER_INGEST_SESSION},
 * so that the hub drains and ends the former session ({@link #formerIngestClientId()}) instead of
 * leaving events the broker had queued for it behind.
 */
final class HubDataDirectory implements AutoCloseable {
    private static final Pattern INSTANCE_ID = Pattern.compile("[a-z0-9]{8,32}");
    /** Marks a former ingest session still to drain; holds its client id. */
    static final String FORMER_INGEST_SESSION = "former-ingest-session";
    /** The lock file a running hub holds. */
    static final String LOCK_FILE = "hub.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final String instanceId;

    private HubDataDirectory(Path dir, FileChannel channel, FileLock lock, String instanceId) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.instanceId = instanceId;
    }

    static HubDataDirectory open(Path dir) throws IOException {
        return tryOpen(dir).orElseThrow(() -> new IOException("data directory " + dir + " is in use by another hub ("
                + dir.resolve(LOCK_FILE) + " is locked)"));
    }

    /** The directory, opened and locked as {@link #open} does, or empty when a running hub holds its lock. */
    static java.util.Optional<HubDataDirectory> tryOpen(Path dir) throws IOException {
        fr.vigie.provisioning.AtomicFiles.createPrivateDirectory(dir);
        java.util.Optional<Lock> held = lock(dir);
        if (held.isEmpty()) {
            return java.util.Optional.empty();
        }
        FileChannel channel = held.get().channel();
        try {
            Path idFile = dir.resolve("hub-instance-id");
            boolean earlierVersion = Files.exists(idFile)
                    && !Files.exists(dir.resolve(fr.vigie.hub.broker.HubMqttCredentials.FILE));
            String id = instanceId(idFile);
            if (earlierVersion && !Files.exists(dir.resolve(FORMER_INGEST_SESSION))) {
                fr.vigie.provisioning.AtomicFiles.write(dir.resolve(FORMER_INGEST_SESSION),
                        ("vigie-hub-" + id + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return java.util.Optional.of(new HubDataDirectory(dir, channel, held.get().lock(), id));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The data directory's lock alone, without the files {@link #open} makes (a restore into an empty directory),
     * or empty when a running hub holds it. The directory must exist.
     */
    static java.util.Optional<Lock> lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Lock(channel, lock));
    }

    /** The held lock of a data directory; closing releases it. */
    record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static String instanceId(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (INSTANCE_ID.matcher(id).matches()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** A stable public id for this hub installation, e.g. {@code 3f9c0a12b4de}. */
    String instanceId() {
        return instanceId;
    }

    /** The client id of an earlier version's ingest session still to drain, if any. */
    java.util.Optional<String> formerIngestClientId() throws IOException {
        Path marker = dir.resolve(FORMER_INGEST_SESSION);
        return Files.exists(marker) ? java.util.Optional.of(Files.readString(marker, StandardCharsets.US_ASCII).strip())
                : java.util.Optional.empty();
    }

    /** The former ingest session was drained and ended on the broker. */
    void formerIngestSessionEnded() throws IOException {
        Files.deleteIfExists(dir.resolve(FORMER_INGEST_SESSION));
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

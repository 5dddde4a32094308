package fr.vigie.hub.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A hub backup file: one encrypted archive ({@link ArchiveKey} header, {@link SealedOutputStream} chunks) of
 * {@link ArchiveEntry entries}. Written to {@code <output>.partial} (mode 600, created new) and renamed into
 * place only when complete, so that a backup that fails leaves nothing behind; read entry by entry in constant
 * memory, each chunk authenticated before use.
 *
 * <pre>{@code
 * try (HubArchive.Writing w = HubArchive.create(output, passphrase)) {
 *     w.writer().entry(ArchiveEntry.Kind.SETTINGS, "hub.properties", 0600, in);
 *     w.commit();
 * }
 * HubArchive.read(output, passphrase, entry -> ...);
 * }</pre>
 */
public final class HubArchive {
    /** The file name ending of the archives this tool makes. */
    public static final String SUFFIX = ".vigie-backup";

    private HubArchive() {
    }

    /** What a reader does with each entry, in the archive's order. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(ArchiveEntry entry) throws IOException, BackupRefused;
    }

    /**
     * Starts an archive at {@code output}.
     *
     * @throws BackupRefused {@code OUTPUT_EXISTS}
     */
    public static Writing create(Path output, char[] passphrase) throws IOException, BackupRefused {
        if (Files.exists(output)) {
            throw new BackupRefused(BackupRefused.Code.OUTPUT_EXISTS, output + " exists already: choose another name"
                    + " (a backup never overwrites a file)");
        }
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        FileChannel channel;
        try {
            channel = FileChannel.open(partial, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefused(BackupRefused.Code.OUTPUT_EXISTS, partial + " exists: another backup is being"
                    + " written there, or one was interrupted (remove it)");
        }
        try {
            OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            SealedOutputStream sealed = new SealedOutputStream(file, ArchiveKey.create(passphrase, new SecureRandom()));
            return new Writing(output, partial, channel, sealed);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Reads every entry of {@code input}, in order, handing each to {@code handler}; returns once the end marker
     * and the last chunk are read and authenticated. What the handler did with earlier entries must be undone by
     * the caller when this throws.
     *
     * @throws BackupRefused {@code NOT_AN_ARCHIVE}, {@code FORMAT_UNSUPPORTED}, {@code PASSPHRASE_WRONG},
     *     {@code ARCHIVE_TAMPERED}, {@code ARCHIVE_TRUNCATED}, or what the handler throws
     */
    public static void read(Path input, char[] passphrase, EntryHandler handler) throws IOException, BackupRefused {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            ArchiveKey key = ArchiveKey.read(new java.io.DataInputStream(file), passphrase);
            ArchiveReader reader = new ArchiveReader(new SealedInputStream(file, key));
            Optional<ArchiveEntry> entry;
            while ((entry = reader.next()).isPresent()) {
                try {
                    handler.accept(entry.get());
                } catch (IOException | BackupRefused | RuntimeException e) {
                    if (reader.failure().isPresent()) {
                        throw reader.failure().get().refusal(); // the archive, not what the handler did with it
                    }
                    throw e;
                }
            }
        } catch (SealedInputStream.SealedArchiveException e) {
            throw e.refusal();
        }
    }

    /** An archive being written; {@link #close()} without {@link #commit()} deletes it. Not thread-safe. */
    public static final class Writing implements AutoCloseable {
        private final Path output;
        private final Path partial;
        private final FileChannel channel;
        private final SealedOutputStream sealed;
        private final ArchiveWriter writer;
        private boolean committed;

        private Writing(Path output, Path partial, FileChannel channel, SealedOutputStream sealed) {
            this.output = output;
            this.partial = partial;
            this.channel = channel;
            this.sealed = sealed;
            this.writer = new ArchiveWriter(sealed);
        }

        public ArchiveWriter writer() {
            return writer;
        }

        /** Ends the archive, syncs it to disk and moves it to its name. */
        public Path commit() throws IOException {
            writer.end();
            sealed.finish();
            channel.force(true);
            sealed.close();
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            return output;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    channel.close();
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }
}

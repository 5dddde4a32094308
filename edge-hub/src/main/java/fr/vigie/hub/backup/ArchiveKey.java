package fr.vigie.hub.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The header of a hub backup and the key it names: magic {@value #MAGIC}, format version, the Argon2id
 * parameters and salt the archive key was derived with from the passphrase, and a key check value. Argon2id
 * gives 64 bytes: the first 32 are the AES-256-GCM key, the last 32 the check value stored in the header, so
 * that a wrong passphrase is told apart from a damaged archive before anything is decrypted. The whole header
 * is authenticated with every chunk (see {@link SealedOutputStream}). Immutable.
 *
 * @param header the header's bytes as written
 * @param key the archive key
 */
record ArchiveKey(byte[] header, SecretKey key) {
    static final String MAGIC = "VIGIE-HUB-BACKUP";
    static final int VERSION = 1;
    private static final int ARGON2ID = 1;
    private static final int SALT_BYTES = 16;
    private static final int CHECK_BYTES = 32;
    /** 64 MiB, 3 passes, 1 lane: OWASP's Argon2id advice, about half a second here. */
    static final int MEMORY_KIB = 64 * 1024;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 1;
    /** Bounds on what a header may ask for, so that a forged one cannot exhaust the machine. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 8;

    /** A new header with a random salt, and its key. */
    static ArchiveKey create(char[] passphrase, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(passphrase, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
                out.writeByte(VERSION);
                out.writeByte(ARGON2ID);
                out.writeInt(MEMORY_KIB);
                out.writeInt(ITERATIONS);
                out.writeInt(PARALLELISM);
                out.write(salt);
                out.write(derived, 32, CHECK_BYTES);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new ArchiveKey(bytes.toByteArray(), new SecretKeySpec(derived, 0, 32, "AES"));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Reads a header and derives its key from {@code passphrase}.
     *
     * @throws BackupRefused {@code NOT_AN_ARCHIVE}, {@code FORMAT_UNSUPPORTED}, {@code ARCHIVE_TRUNCATED},
     *     {@code PASSPHRASE_WRONG}
     */
    static ArchiveKey read(DataInputStream in, char[] passphrase) throws IOException, BackupRefused {
        try {
            byte[] magic = in.readNBytes(MAGIC.length());
            if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
                throw new BackupRefused(BackupRefused.Code.NOT_AN_ARCHIVE, "this file is not a Vigie hub backup");
            }
            int version = in.readUnsignedByte();
            int kdf = in.readUnsignedByte();
            if (version != VERSION || kdf != ARGON2ID) {
                throw new BackupRefused(BackupRefused.Code.FORMAT_UNSUPPORTED, "backup format " + version
                        + " (key derivation " + kdf + ") is not one this hub reads (format " + VERSION + ")");
            }
            int memory = in.readInt();
            int iterations = in.readInt();
            int parallelism = in.readInt();
            if (memory < 8 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                    || parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new BackupRefused(BackupRefused.Code.ARCHIVE_TAMPERED, "the archive's header asks for a key"
                        + " derivation out of bounds (memory " + memory + " KiB, " + iterations + " passes)");
            }
            byte[] salt = in.readNBytes(SALT_BYTES);
            byte[] check = in.readNBytes(CHECK_BYTES);
            if (check.length < CHECK_BYTES) {
                throw new EOFException();
            }
            byte[] derived = derive(passphrase, salt, memory, iterations, parallelism);
            try {
                if (!MessageDigest.isEqual(check, Arrays.copyOfRange(derived, 32, 64))) {
                    throw new BackupRefused(BackupRefused.Code.PASSPHRASE_WRONG, "the passphrase does not open this"
                            + " backup (or its header was changed)");
                }
                var header = new java.io.ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(header)) {
                    out.write(magic);
                    out.writeByte(version);
                    out.writeByte(kdf);
                    out.writeInt(memory);
                    out.writeInt(iterations);
                    out.writeInt(parallelism);
                    out.write(salt);
                    out.write(check);
                }
                return new ArchiveKey(header.toByteArray(), new SecretKeySpec(derived, 0, 32, "AES"));
            } finally {
                Arrays.fill(derived, (byte) 0);
            }
        } catch (EOFException e) {
            throw new BackupRefused(BackupRefused.Code.ARCHIVE_TRUNCATED, "the archive stops inside its header");
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .build());
        byte[] out = new byte[64];
        argon2.generateBytes(passphrase, out);
        return out;
    }
}

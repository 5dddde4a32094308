package fr.vigie.hub.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive format on its own: a round trip of entries larger than a chunk, and each way an archive cannot be
 * trusted refused with its own code before any content of the bad part is handed out.
 */
class HubArchiveTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    /** Three and a half chunks of the sealed stream, so that tampering can hit a middle chunk. */
    private static final byte[] BIG = new byte[SealedOutputStream.CHUNK * 7 / 2];
    private static Path dir;
    private static Path archive;

    @BeforeAll
    static void writeOne(@TempDir Path tmp) throws Exception {
        new Random(18).nextBytes(BIG);
        dir = tmp;
        archive = tmp.resolve("hub" + HubArchive.SUFFIX);
        try (HubArchive.Writing w = HubArchive.create(archive, PASSPHRASE)) {
            w.writer().entry(ArchiveEntry.Kind.MANIFEST, "manifest.properties", 0600, text("site=demo\n"));
            w.writer().entry(ArchiveEntry.Kind.DATA_FILE, "site-ca/site-ca.p12", 0600, new ByteArrayInputStream(BIG));
            w.writer().entry(ArchiveEntry.Kind.DATA_FILE, "hub-instance-id", 0644, text("abc123def456\n"));
            w.commit();
        }
    }

    @Test
    void entriesComeBackWithTheirNamesModesAndContentAndTheFileIsOwnerOnly() throws Exception {
        List<String> seen = new ArrayList<>();
        HubArchive.read(archive, PASSPHRASE, e -> {
            byte[] content = e.content().readAllBytes();
            seen.add(e.kind() + " " + e.name() + " " + Integer.toOctalString(e.mode()) + " " + content.length);
            if (e.name().equals("site-ca/site-ca.p12")) {
                assertArrayEquals(BIG, content);
            }
        });
        assertEquals(List.of("MANIFEST manifest.properties 600 10", "DATA_FILE site-ca/site-ca.p12 600 " + BIG.length,
                "DATA_FILE hub-instance-id 644 13"), seen);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
        assertFalse(new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1).contains("site=demo"),
                "the content is encrypted");
    }

    @Test
    void aWrongPassphraseIsToldApartAndNothingIsHandedOut() {
        assertRefused(archive, "wrong passphrase, long enough".toCharArray(), BackupRefused.Code.PASSPHRASE_WRONG);
    }

    @Test
    void aFlippedByteInTheMiddleIsRefusedAtItsChunk() throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        BackupRefused e = assertRefused(copy("flipped", bytes), PASSPHRASE, BackupRefused.Code.ARCHIVE_TAMPERED);
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());

        // also when the entry's reader turns the failure into its own (as pg_restore's feeder does)
        BackupRefused wrapped = assertThrows(BackupRefused.class, () -> HubArchive.read(dir.resolve("flipped"
                + HubArchive.SUFFIX), PASSPHRASE, entry -> {
                    try {
                        entry.content().readAllBytes();
                    } catch (IOException io) {
                        throw new BackupRefused(BackupRefused.Code.DATABASE_TOOL_FAILED, "pg_restore failed", io);
                    }
                }));
        assertEquals(BackupRefused.Code.ARCHIVE_TAMPERED, wrapped.code(), wrapped.getMessage());
    }

    @Test
    void aChangedHeaderIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        bytes[40] ^= 0x01; // in the salt
        assertRefused(copy("header", bytes), PASSPHRASE, BackupRefused.Code.PASSPHRASE_WRONG);
    }

    @Test
    void aCutArchiveIsRefusedEvenAtAChunkBoundary() throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        assertRefused(copy("cut", Arrays.copyOf(bytes, bytes.length - 100)), PASSPHRASE,
                BackupRefused.Code.ARCHIVE_TRUNCATED);
        // drop the whole last chunk: every chunk left authenticates, but none says it is the last
        int lastChunk = bytes.length - lastChunkLength(bytes);
        assertRefused(copy("cut-at-chunk", Arrays.copyOf(bytes, lastChunk)), PASSPHRASE,
                BackupRefused.Code.ARCHIVE_TRUNCATED);
    }

    @Test
    void bytesAfterTheEndAreRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        assertRefused(copy("appended", Arrays.copyOf(bytes, bytes.length + 1)), PASSPHRASE,
                BackupRefused.Code.ARCHIVE_TAMPERED);
    }

    @Test
    void anotherFileIsNotAnArchive() throws Exception {
        assertRefused(copy("other", "PGDMP and more bytes than a header".getBytes(StandardCharsets.US_ASCII)),
                PASSPHRASE, BackupRefused.Code.NOT_AN_ARCHIVE);
    }

    @Test
    void anExistingOutputIsNeverOverwrittenAndAnUncommittedArchiveLeavesNothing() throws Exception {
        BackupRefused e = assertThrows(BackupRefused.class, () -> HubArchive.create(archive, PASSPHRASE));
        assertEquals(BackupRefused.Code.OUTPUT_EXISTS, e.code());
        Path abandoned = dir.resolve("abandoned" + HubArchive.SUFFIX);
        try (HubArchive.Writing w = HubArchive.create(abandoned, PASSPHRASE)) {
            w.writer().entry(ArchiveEntry.Kind.MANIFEST, "manifest.properties", 0600, text("x"));
        }
        assertFalse(Files.exists(abandoned));
        assertFalse(Files.exists(dir.resolve("abandoned" + HubArchive.SUFFIX + ".partial")));
    }

    @Test
    void retentionKeepsTheNewestOfOurBackupsAndNothingElse(@TempDir Path backups) throws Exception {
        byte[] ours = Files.readAllBytes(archive);
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        for (int day = 0; day < 5; day++) {
            Files.write(backups.resolve(BackupRetention.fileName("demo", t.plusSeconds(86_400L * day))), ours);
        }
        Files.writeString(backups.resolve("vigie-hub-demo-20250101T000000Z" + HubArchive.SUFFIX), "not ours");
        Files.writeString(backups.resolve("notes.txt"), "kept");
        List<Path> deleted = BackupRetention.prune(backups, 2);
        assertEquals(3, deleted.size());
        try (var left = Files.list(backups)) {
            assertEquals(List.of("notes.txt", "vigie-hub-demo-20250101T000000Z.vigie-backup",
                    "vigie-hub-demo-20261204T020000Z.vigie-backup", "vigie-hub-demo-20261205T020000Z.vigie-backup"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static BackupRefused assertRefused(Path file, char[] passphrase, BackupRefused.Code code) {
        List<String> handedOut = new ArrayList<>();
        BackupRefused e = assertThrows(BackupRefused.class, () -> HubArchive.read(file, passphrase, entry -> {
            handedOut.add(entry.name());
            entry.content().readAllBytes();
        }));
        assertEquals(code, e.code(), e.getMessage());
        if (code == BackupRefused.Code.PASSPHRASE_WRONG || code == BackupRefused.Code.NOT_AN_ARCHIVE) {
            assertEquals(List.of(), handedOut);
        }
        return e;
    }

    private static int lastChunkLength(byte[] bytes) throws IOException {
        // walk the chunks after the header: flag (1), length (4), sealed bytes
        int pos = ArchiveKey.MAGIC.length() + 2 + 12 + 16 + 32;
        int last = 0;
        while (pos < bytes.length) {
            int length = java.nio.ByteBuffer.wrap(bytes, pos + 1, 4).getInt();
            last = 5 + length;
            pos += last;
        }
        return last;
    }

    private static Path copy(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name + HubArchive.SUFFIX), bytes);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

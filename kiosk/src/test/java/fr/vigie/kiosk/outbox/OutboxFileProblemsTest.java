package fr.vigie.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxFileProblemsTest {
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");

    @TempDir
    Path dir;

    private Outbox open(Path file, KioskAddress kiosk) {
        return Outbox.open(file, kiosk, 10_000, SyncLevel.NORMAL, Clock.systemUTC());
    }

    @Test
    void fileThatIsNotADatabaseIsRejectedAsCorruptNamingTheFile() throws Exception {
        Path file = dir.resolve("outbox.db");
        Files.writeString(file, "this is not sqlite, just some text that happens to be here ".repeat(200),
                StandardCharsets.UTF_8);

        OutboxException e = assertThrows(OutboxException.class, () -> open(file, KIOSK));

        assertEquals(OutboxError.OUTBOX_CORRUPT, e.error());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("move it aside"), e.getMessage());
    }

    @Test
    void damagedDatabaseIsRejectedAsCorruptNamingTheFile() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (Outbox outbox = open(file, KIOSK)) {
            for (int i = 0; i < 2000; i++) {
                outbox.accept(new EventPayload.DemoActivity("badge-tap", i));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0x5A; // scribble over every page after the first
        }
        Files.write(file, bytes);

        OutboxException e = assertThrows(OutboxException.class, () -> {
            try (Outbox damaged = open(file, KIOSK)) {
                damaged.pending(0, 10_000);
            }
        });

        assertEquals(OutboxError.OUTBOX_CORRUPT, e.error(), e.toString());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void secondOpenOfTheSameOutboxIsRefusedUntilTheFirstCloses() {
        Path file = dir.resolve("outbox.db");
        try (Outbox first = open(file, KIOSK)) {
            OutboxException e = assertThrows(OutboxException.class, () -> open(file, KIOSK));
            assertEquals(OutboxError.OUTBOX_LOCKED, e.error());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        open(file, KIOSK).close();
    }

    @Test
    void outboxOfAnotherKioskIsRefused() {
        Path file = dir.resolve("outbox.db");
        open(file, KIOSK).close();

        OutboxException e = assertThrows(OutboxException.class,
                () -> open(file, KioskAddress.of("chu-nord", "accueil-2")));

        assertEquals(OutboxError.OUTBOX_WRONG_KIOSK, e.error());
        assertTrue(e.getMessage().contains("chu-nord/accueil-1"), e.getMessage());
    }

    @Test
    void folderThatCannotBeCreatedIsReportedAsUnavailable() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");

        OutboxException e = assertThrows(OutboxException.class, () -> open(notADir.resolve("outbox.db"), KIOSK));

        assertEquals(OutboxError.OUTBOX_UNAVAILABLE, e.error());
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    }

    @Test
    void closedOutboxRefusesUse() {
        Outbox outbox = open(dir.resolve("outbox.db"), KIOSK);
        outbox.close();
        outbox.close();

        OutboxException e = assertThrows(OutboxException.class,
                () -> outbox.accept(new EventPayload.DemoActivity("badge-tap", 1)));
        assertEquals(OutboxError.OUTBOX_CLOSED, e.error());
    }
}

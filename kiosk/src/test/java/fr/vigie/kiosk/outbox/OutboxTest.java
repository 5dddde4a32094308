package fr.vigie.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "accueil-1");
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final ProtocolCodec codec = new ProtocolCodec();

    @TempDir
    Path dir;

    private Outbox open(long capacity) {
        return Outbox.open(dir.resolve("outbox.db"), KIOSK, capacity, SyncLevel.FULL, clock);
    }

    private static EventPayload activity(long i) {
        return new EventPayload.DemoActivity("badge-tap", i);
    }

    @Test
    void acceptGivesSequenceOneTwoThreeWithClockTimeAndIncreasingIds() throws Exception {
        try (Outbox outbox = open(100)) {
            EventEnvelope a = outbox.accept(activity(1));
            EventEnvelope b = outbox.accept(activity(2));
            EventEnvelope c = outbox.accept(activity(3));

            assertEquals(List.of(1L, 2L, 3L), List.of(a.seq(), b.seq(), c.seq()));
            assertEquals(T0, b.occurredAt());
            assertEquals(KIOSK, b.kiosk());
            assertTrue(a.eventId().compareTo(b.eventId()) < 0 && b.eventId().compareTo(c.eventId()) < 0);
            assertEquals(3, outbox.depth());
            assertEquals(3, outbox.lastAcceptedSeq());
        }
    }

    @Test
    void seqIsNeverReusedAfterDeletingEverythingAndReopening() throws Exception {
        try (Outbox outbox = open(100)) {
            for (int i = 1; i <= 5; i++) {
                outbox.accept(activity(i));
            }
            assertEquals(5, outbox.remove(List.of(1L, 2L, 3L, 4L, 5L)));
            assertEquals(0, outbox.depth());
        }
        try (Outbox reopened = open(100)) {
            assertEquals(5, reopened.lastAcceptedSeq());
            assertEquals(6, reopened.accept(activity(6)).seq());
        }
    }

    @Test
    void acceptedEventIsStoredExactlyAndSurvivesCloseAndReopen() throws Exception {
        EventEnvelope accepted;
        try (Outbox outbox = open(100)) {
            accepted = outbox.accept(new EventPayload.KioskStarted("1.2.3", 0));
        }
        try (Outbox reopened = open(100)) {
            List<Pending> pending = reopened.pending(0, 10);
            assertEquals(1, pending.size());
            Pending p = pending.get(0);
            assertEquals(1, p.seq());
            assertEquals(accepted.eventId(), p.eventId());
            assertEquals("kiosk.started", p.type());
            assertEquals(accepted, codec.decodeEvent(p.json()));
            assertArrayEquals(codec.encode(accepted), p.json());
            assertEquals(1, reopened.depth());
        }
    }

    @Test
    void fullOutboxRefusesTheNewEventAndDropsNothing() throws Exception {
        try (Outbox outbox = open(3)) {
            for (int i = 1; i <= 3; i++) {
                outbox.accept(activity(i));
            }

            OutboxFullException full = assertThrows(OutboxFullException.class, () -> outbox.accept(activity(4)));

            assertEquals(OutboxError.OUTBOX_FULL, full.error());
            assertEquals(3, full.depth());
            assertEquals(3, full.capacity());
            assertTrue(full.getMessage().contains("kiosk.outbox.capacity=3"), full.getMessage());
            assertEquals(List.of(1L, 2L, 3L), seqs(outbox.pending(0, 10)));
            assertEquals(3, outbox.lastAcceptedSeq());

            outbox.remove(List.of(1L));
            assertEquals(4, outbox.accept(activity(4)).seq());
        }
    }

    @Test
    void pendingReturnsEventsAfterTheCursorInSeqOrderUpToTheLimit() throws Exception {
        try (Outbox outbox = open(100)) {
            for (int i = 1; i <= 10; i++) {
                outbox.accept(activity(i));
            }
            outbox.remove(List.of(4L, 5L));

            assertEquals(List.of(1L, 2L, 3L, 6L), seqs(outbox.pending(0, 4)));
            assertEquals(List.of(7L, 8L, 9L, 10L), seqs(outbox.pending(6, 100)));
            assertEquals(List.of(), seqs(outbox.pending(10, 100)));
        }
    }

    @Test
    void removeIgnoresUnknownSeqsAndCountsOnlyWhatItDeleted() throws Exception {
        try (Outbox outbox = open(100)) {
            outbox.accept(activity(1));
            outbox.accept(activity(2));

            assertEquals(1, outbox.remove(List.of(1L, 1L, 99L)));
            assertEquals(0, outbox.remove(List.of(1L)));
            assertEquals(1, outbox.depth());
        }
    }

    @Test
    void acceptedCountPerTypeIsKeptWithEachEventAndSurvivesReopen() throws Exception {
        try (Outbox outbox = open(100)) {
            outbox.accept(new EventPayload.KioskStarted("dev", 0));
            for (int i = 1; i <= 7; i++) {
                outbox.accept(activity(i));
            }
            outbox.remove(LongStream.rangeClosed(1, 8).boxed().toList());
            assertEquals(7, outbox.acceptedCount(EventType.DEMO_ACTIVITY));
        }
        try (Outbox reopened = open(100)) {
            assertEquals(7, reopened.acceptedCount(EventType.DEMO_ACTIVITY));
            assertEquals(1, reopened.acceptedCount(EventType.KIOSK_STARTED));
        }
    }

    @Test
    void pendingAndRemoveUseSeqsNotPositionsAfterManyCycles() throws Exception {
        try (Outbox outbox = open(1000)) {
            List<Long> seen = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 25; i++) {
                    outbox.accept(activity(i));
                }
                List<Long> batch = seqs(outbox.pending(0, 1000));
                seen.addAll(batch);
                outbox.remove(batch);
            }
            assertEquals(LongStream.rangeClosed(1, 500).boxed().toList(), seen);
        }
    }

    @Test
    void syncLevelIsInEffectForAcceptsAndDeletionsDoNotChangeIt() throws Exception {
        try (Outbox full = open(100)) {
            assertEquals(2, full.synchronousInEffect(), "FULL");
            full.accept(activity(1));
            full.remove(List.of(1L));
            assertEquals(2, full.synchronousInEffect(), "back to FULL after a relaxed deletion");
        }
        try (Outbox normal = Outbox.open(dir.resolve("normal.db"), KIOSK, 100, SyncLevel.NORMAL, clock)) {
            normal.accept(activity(1));
            assertEquals(1, normal.synchronousInEffect(), "NORMAL");
        }
    }

    static List<Long> seqs(List<Pending> pending) {
        return pending.stream().map(Pending::seq).toList();
    }
}

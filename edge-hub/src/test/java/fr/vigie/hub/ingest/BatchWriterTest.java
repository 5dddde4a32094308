package fr.vigie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.db.WriteBatch;
import fr.vigie.hub.db.WriteResult;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.hub.testing.Events;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.retry.Backoff;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BatchWriterTest {
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-001");
    private static final Instant NOW = Instant.parse("2025-03-31T08:00:00Z");

    private final HubMetrics metrics = new HubMetrics();
    private final List<String> log = new ArrayList<>();
    private final FakeStore store = new FakeStore();
    private final BatchWriter writer = new BatchWriter(new LinkedBlockingQueue<>(), 500, store,
            m -> log.add("ack " + m.messageId()), metrics,
            new RejectionLog(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10), LoggerFactory.getLogger("test")),
            Backoff.exponential(Duration.ZERO, Duration.ZERO).retries());

    /** Stores events idempotently by id, like the real store, and records each commit in the log. */
    private final class FakeStore implements BatchWriter.Store {
        final Set<UUID> stored = new HashSet<>();
        int failuresLeft;
        SQLException failure;
        String refusedPayload;

        @Override
        public WriteResult write(WriteBatch batch) throws SQLException {
            if (failuresLeft > 0) {
                failuresLeft--;
                log.add("failed");
                throw failure;
            }
            if (refusedPayload != null && batch.events().stream().anyMatch(e -> e.payloadJson().equals(refusedPayload))) {
                log.add("refused");
                throw new SQLException("invalid input syntax for type json", "22P02");
            }
            int inserted = 0;
            for (WriteBatch.NewEvent e : batch.events()) {
                if (stored.add(e.event().eventId().uuid())) {
                    inserted++;
                }
            }
            log.add("commit " + batch.events().size() + "e " + batch.rejections().size() + "r");
            return new WriteResult(inserted, batch.events().size() - inserted, batch.statuses().size(),
                    batch.rejections().size());
        }
    }

    private static Inbound event(int id, WriteBatch.NewEvent e) {
        return new Inbound(Topics.event(KIOSK), id, 1, 1, NOW, new Decoded.Event(e));
    }

    private static WriteBatch.NewEvent newEvent(long seq) {
        return new WriteBatch.NewEvent(Events.demo(KIOSK, seq, NOW), "{\"seq\":" + seq + "}");
    }

    @Test
    void acknowledgesOnlyAfterTheCommitAndInArrivalOrder() throws Exception {
        boolean done = writer.process(List.of(event(7, newEvent(1)), event(3, newEvent(2)), event(9, newEvent(3))));

        assertTrue(done);
        assertEquals(List.of("commit 3e 0r", "ack 7", "ack 3", "ack 9"), log);
        assertEquals(3, metrics.eventsStored().getLongValue());
    }

    @Test
    void sameEventTwiceIsStoredOnceAndCountedAsDuplicate() throws Exception {
        WriteBatch.NewEvent e = newEvent(1);

        writer.process(List.of(event(1, e), event(2, e)));
        writer.process(List.of(event(3, e)));

        assertEquals(1, store.stored.size());
        assertEquals(1, metrics.eventsStored().getLongValue());
        assertEquals(2, metrics.eventsDuplicate().getLongValue());
        assertEquals(List.of("commit 2e 0r", "ack 1", "ack 2", "commit 1e 0r", "ack 3"), log);
    }

    @Test
    void failedCommitIsRetriedAndNothingIsAcknowledgedBeforeItSucceeds() throws Exception {
        store.failuresLeft = 2;
        store.failure = new SQLException("connection refused", "08001");

        writer.process(List.of(event(1, newEvent(1))));

        assertEquals(List.of("failed", "failed", "commit 1e 0r", "ack 1"), log);
        assertEquals(2, metrics.commitFailures().getLongValue());
    }

    @Test
    void stoppingWhileTheDatabaseIsDownLeavesTheBatchUnacknowledged() throws Exception {
        store.failuresLeft = Integer.MAX_VALUE;
        store.failure = new SQLException("connection refused", "08001");
        writer.stop(); // never started: only marks the stop

        assertFalse(writer.process(List.of(event(1, newEvent(1)))));
        assertFalse(log.contains("ack 1"));
    }

    @Test
    void rejectedMessagesAreQuarantinedCountedAndAcknowledged() throws Exception {
        var q = new WriteBatch.Quarantined(Topics.event(KIOSK), ProtocolError.MALFORMED_JSON, "not valid JSON", 9,
                new byte[] {'{'}, NOW);

        writer.process(List.of(new Inbound(Topics.event(KIOSK), 4, 1, 1, NOW, new Decoded.Rejected(q)),
                event(5, newEvent(1))));

        assertEquals(List.of("commit 1e 1r", "ack 4", "ack 5"), log);
        assertEquals(1, metrics.rejected(ProtocolError.MALFORMED_JSON).getLongValue());
    }

    @Test
    void valueTheDatabaseRefusesIsQuarantinedAndTheRestOfTheBatchStored() throws Exception {
        WriteBatch.NewEvent bad = newEvent(2);
        store.refusedPayload = bad.payloadJson();

        writer.process(List.of(event(1, newEvent(1)), event(2, bad), event(3, newEvent(3))));

        assertEquals(List.of("refused", "commit 1e 0r", "refused", "commit 0e 1r", "commit 1e 0r",
                "ack 1", "ack 2", "ack 3"), log);
        assertEquals(2, metrics.eventsStored().getLongValue());
        assertEquals(1, metrics.rejected(ProtocolError.INVALID_FIELD).getLongValue());
    }

    @Test
    void ignoredMessagesAreOnlyAcknowledged() throws Exception {
        writer.process(List.of(new Inbound(Topics.status(KIOSK), 8, 1, 1, NOW, new Decoded.Ignored("cleared"))));

        assertEquals(List.of("commit 0e 0r", "ack 8"), log);
    }
}

package fr.vigie.hub.ingest;

import fr.vigie.hub.db.WriteBatch;
import fr.vigie.hub.db.WriteResult;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.retry.Backoff;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single ingest writer: takes what has arrived (up to the batch size), commits it in one
 * transaction, then acknowledges every message of the batch in arrival order. Under load batches
 * grow by themselves, since messages pile up while the previous batch commits.
 *
 * <p>A commit that fails is retried with backoff and nothing is acknowledged meanwhile. When the
 * database refuses a value (SQL state class 22), the batch is written message by message and the
 * messages it still refuses are quarantined as {@link ProtocolError#INVALID_FIELD}, so that one bad
 * message can never stall ingest. Runs on its own thread; {@link #stop()} lets it finish the batch in
 * progress.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** Writes one batch in one transaction (the hub's {@code EventStore}). */
    interface Store {
        WriteResult write(WriteBatch batch) throws SQLException;
    }

    /** Sends the acknowledgement of one committed message. */
    interface Acker {
        void ack(Inbound message);
    }

    private final BlockingQueue<Inbound> queue;
    private final int maxBatch;
    private final Store store;
    private final Acker acker;
    private final HubMetrics metrics;
    private final RejectionLog rejectionLog;
    private final Backoff.Retries backoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread;

    BatchWriter(BlockingQueue<Inbound> queue, int maxBatch, Store store, Acker acker, HubMetrics metrics,
            RejectionLog rejectionLog, Backoff.Retries backoff) {
        this.queue = queue;
        this.maxBatch = maxBatch;
        this.store = store;
        this.acker = acker;
        this.metrics = metrics;
        this.rejectionLog = rejectionLog;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "vigie-ingest-writer");
    }

    void start() {
        thread.start();
    }

    /** Asks the writer to stop after the batch in progress, and waits for it. */
    void stop() throws InterruptedException {
        stopRequested.countDown();
        if (thread.isAlive()) {
            thread.join();
        }
    }

    private void run() {
        while (stopRequested.getCount() > 0) {
            try {
                Inbound first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Inbound> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    process(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Commits and acknowledges one batch. Returns false when the hub is stopping before it could be
     * committed (nothing was acknowledged: the broker will deliver it again).
     */
    boolean process(List<Inbound> batch) throws InterruptedException {
        long start = System.nanoTime();
        WriteResult result = commit(batch, toWriteBatch(batch));
        if (result == null) {
            return false;
        }
        metrics.batchCommitSeconds().observe((System.nanoTime() - start) / 1e9);
        metrics.batchMessages().observe(batch.size());
        for (Inbound m : batch) {
            acker.ack(m);
        }
        metrics.eventsStored().inc(result.stored());
        metrics.eventsDuplicate().inc(result.duplicates());
        metrics.statusUpdates().inc(result.statuses());
        return true;
    }

    private WriteResult commit(List<Inbound> batch, WriteBatch writeBatch) throws InterruptedException {
        while (true) {
            try {
                WriteResult r = store.write(writeBatch);
                backoff.reset();
                quarantined(writeBatch);
                return r;
            } catch (SQLException e) {
                if (isRefusedValue(e)) {
                    return oneByOne(batch);
                }
                if (!retryLater(batch.size(), e)) {
                    return null;
                }
            } catch (RuntimeException e) {
                if (!retryLater(batch.size(), e)) {
                    return null;
                }
            }
        }
    }

    private WriteResult oneByOne(List<Inbound> batch) throws InterruptedException {
        LOG.warn("the database refused a value in a batch of {} messages; writing them one by one", batch.size());
        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        int quarantined = 0;
        for (Inbound m : batch) {
            WriteBatch single = toWriteBatch(List.of(m));
            WriteResult r = null;
            while (r == null) {
                try {
                    r = store.write(single);
                    quarantined(single);
                } catch (SQLException e) {
                    if (isRefusedValue(e) && single.rejections().isEmpty()) {
                        single = refusedByDatabase(m, e);
                    } else if (isRefusedValue(e)) {
                        LOG.error("the database refuses even the quarantine entry of a message on '{}' (SQL state {});"
                                + " acknowledging it unstored", RejectionLog.printable(m.topic(), 160), e.getSQLState());
                        r = new WriteResult(0, 0, 0, 0);
                    } else if (!retryLater(1, e)) {
                        return null;
                    }
                } catch (RuntimeException e) {
                    if (!retryLater(1, e)) {
                        return null;
                    }
                }
            }
            stored += r.stored();
            duplicates += r.duplicates();
            statuses += r.statuses();
            quarantined += r.quarantined();
        }
        return new WriteResult(stored, duplicates, statuses, quarantined);
    }

    private boolean retryLater(int size, Exception e) throws InterruptedException {
        metrics.commitFailures().inc();
        var delay = backoff.next();
        String state = e instanceof SQLException s ? " (SQL state " + s.getSQLState() + ")" : "";
        LOG.warn("ingest batch of {} messages not committed{}, retrying in {} ms: {}", size, state,
                delay.toMillis(), e.toString());
        return !stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void quarantined(WriteBatch written) {
        for (WriteBatch.Quarantined q : written.rejections()) {
            metrics.rejected(q.code()).inc();
            rejectionLog.rejected(q);
        }
    }

    /** Splits a batch into what the store writes; ignored messages are only acknowledged. */
    static WriteBatch toWriteBatch(List<Inbound> batch) {
        List<WriteBatch.NewEvent> events = new ArrayList<>(batch.size());
        List<WriteBatch.StatusUpdate> statuses = new ArrayList<>();
        List<WriteBatch.Quarantined> rejections = new ArrayList<>();
        for (Inbound m : batch) {
            Decoded d = m.decoded();
            if (d instanceof Decoded.Event e) {
                events.add(e.event());
            } else if (d instanceof Decoded.Status s) {
                statuses.add(s.status());
            } else if (d instanceof Decoded.Rejected r) {
                rejections.add(r.rejection());
            }
        }
        return new WriteBatch(events, statuses, rejections);
    }

    /** The message as a quarantine entry, when the database refuses to store what it carries. */
    private static WriteBatch refusedByDatabase(Inbound m, SQLException e) {
        byte[] body = new byte[0];
        if (m.decoded() instanceof Decoded.Event ev) {
            body = ev.event().payloadJson().getBytes(StandardCharsets.UTF_8);
        }
        WriteBatch.Quarantined q = new WriteBatch.Quarantined(m.topic(), ProtocolError.INVALID_FIELD,
                "the database refused a value of this message (SQL state " + e.getSQLState() + ")", body.length,
                Arrays.copyOf(body, Math.min(body.length, WriteBatch.Quarantined.KEPT_BYTES)), m.receivedAt());
        return new WriteBatch(List.of(), List.of(), List.of(q));
    }

    /** SQL state class 22, "data exception": retrying the same value can never succeed. */
    static boolean isRefusedValue(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }
}

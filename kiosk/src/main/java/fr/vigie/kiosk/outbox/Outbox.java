package fr.vigie.kiosk.outbox;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventId;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A kiosk's durable, bounded outbox of events on their way to the hub, in one SQLite file (WAL).
 *
 * <p><b>Accepting.</b> {@link #accept} gives the event the kiosk's next sequence number (1, 2, 3…),
 * a time-sortable {@link EventId} and its {@code occurredAt} from the injected clock, encodes it and
 * commits it; it returns only after the commit, with the {@link SyncLevel}'s durability. The last
 * sequence number and a per-type count of accepted events are kept in the same transaction, so a
 * sequence number is never handed out twice, even after its row was deleted or the process was
 * killed at any point (under {@link SyncLevel#NORMAL} a power cut may roll back the last commits).
 *
 * <p><b>Bounded.</b> When the outbox already holds {@code capacity} events, {@code accept} throws
 * {@link OutboxFullException} and stores nothing. Events already accepted are never dropped to make
 * room; they leave only through {@link #remove}, once the broker has acknowledged them.
 *
 * <p><b>Thread-safe.</b> Writes ({@code accept}, {@code remove}) are serialised on one connection;
 * {@link #pending} reads on a second connection, so the publisher's reads never wait behind a
 * commit. One process at a time may open a given file (a lock file enforces it).
 *
 * <pre>{@code
 * try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), kiosk, 100_000, SyncLevel.FULL, clock)) {
 *     EventEnvelope e = outbox.accept(new EventPayload.DemoActivity("badge-tap", 1));
 *     List<Pending> batch = outbox.pending(0, 200);
 *     outbox.remove(List.of(e.seq()));
 * }
 * }</pre>
 */
public final class Outbox implements AutoCloseable {
    private static final int PROBE_WAIT_SECONDS = 2;
    private final Path file;
    private final KioskAddress kiosk;
    private final long capacity;
    private final Clock clock;
    private final EventIdGenerator ids;
    private final ProtocolCodec codec;
    private final OutboxFile.Lock processLock;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final OutboxStatements sql;
    private final AtomicLong depth = new AtomicLong();
    private final Map<String, Long> acceptedByType = new ConcurrentHashMap<>();
    private volatile long lastSeq;
    private volatile boolean closed;
    /** Under FULL, deletions commit without fsync: losing one to a power cut only means a re-send. */
    private final boolean relaxDeletes;

    private Outbox(Path file, KioskAddress kiosk, long capacity, SyncLevel sync, Clock clock,
            EventIdGenerator ids, ProtocolCodec codec) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1, got " + capacity);
        }
        this.file = file;
        this.kiosk = kiosk;
        this.capacity = capacity;
        this.clock = clock;
        this.ids = ids;
        this.codec = codec;
        this.relaxDeletes = sync == SyncLevel.FULL;
        this.processLock = OutboxFile.lock(file);
        Connection w = null;
        Connection r = null;
        try {
            w = OutboxFile.openWriter(file, sync, kiosk);
            r = OutboxFile.openReader(file);
            this.sql = new OutboxStatements(w, r);
            loadState(w);
        } catch (SQLException | RuntimeException e) {
            OutboxFile.closeQuietly(r);
            OutboxFile.closeQuietly(w);
            processLock.close();
            throw OutboxFile.failure(file, "open", e);
        }
        this.writer = w;
        this.reader = r;
    }

    /**
     * Opens (creating if needed) the outbox in {@code file} for {@code kiosk}.
     *
     * @throws OutboxException naming the file when it is locked, corrupt, of another kiosk or format,
     *         or cannot be opened
     */
    public static Outbox open(Path file, KioskAddress kiosk, long capacity, SyncLevel sync, Clock clock,
            EventIdGenerator ids, ProtocolCodec codec) {
        return new Outbox(file, kiosk, capacity, sync, clock, ids, codec);
    }

    /** {@link #open(Path, KioskAddress, long, SyncLevel, Clock, EventIdGenerator, ProtocolCodec)} with its own id generator and codec. */
    public static Outbox open(Path file, KioskAddress kiosk, long capacity, SyncLevel sync, Clock clock) {
        return open(file, kiosk, capacity, sync, clock, new EventIdGenerator(clock, new SecureRandom()),
                new ProtocolCodec());
    }

    private void loadState(Connection w) throws SQLException {
        long maxSeq = 0;
        try (Statement s = w.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(seq), 0) FROM outbox_event")) {
                rs.next();
                depth.set(rs.getLong(1));
                maxSeq = rs.getLong(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT name, value FROM outbox_meta WHERE name = '"
                    + OutboxFile.LAST_SEQ + "' OR name LIKE '" + OutboxFile.ACCEPTED_PREFIX + "%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.equals(OutboxFile.LAST_SEQ)) {
                        lastSeq = Math.max(maxSeq, rs.getLong(2));
                    } else {
                        acceptedByType.put(name.substring(OutboxFile.ACCEPTED_PREFIX.length()), rs.getLong(2));
                    }
                }
            }
        }
        lastSeq = Math.max(lastSeq, maxSeq);
    }

    /**
     * Accepts one event: commits it durably and returns its envelope. Nothing is stored when this
     * throws.
     *
     * @throws OutboxFullException when the outbox holds {@code capacity} events
     * @throws OutboxException when the outbox is closed or the commit failed
     */
    public EventEnvelope accept(EventPayload payload) throws OutboxFullException {
        writeLock.lock();
        try {
            requireOpen();
            long held = depth.get();
            if (held >= capacity) {
                throw new OutboxFullException("outbox " + file + " holds " + held + " events not yet acknowledged by"
                        + " the hub, its capacity (kiosk.outbox.capacity=" + capacity + "); the "
                        + payload.type().wireName() + " event was not accepted, nothing already accepted was dropped",
                        held, capacity);
            }
            long seq = lastSeq + 1;
            EventEnvelope event = EventEnvelope.of(ids.next(), kiosk, seq, clock.instant(), payload);
            String type = event.type();
            byte[] body = codec.encode(event);
            try {
                sql.begin();
                sql.insert(seq, event.eventId().toString(), type, body);
                sql.setLastSeq(seq);
                sql.countAccepted(OutboxFile.ACCEPTED_PREFIX + type);
                sql.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                reloadState();
                throw OutboxFile.failure(file, "write to", e);
            }
            lastSeq = seq;
            depth.incrementAndGet();
            acceptedByType.merge(type, 1L, Long::sum);
            return event;
        } finally {
            writeLock.unlock();
        }
    }

    /** Up to {@code limit} waiting events with {@code seq > afterSeq}, in sequence order. */
    public List<Pending> pending(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        readLock.lock();
        try {
            requireOpen();
            return sql.pending(afterSeq, limit);
        } catch (SQLException e) {
            throw OutboxFile.failure(file, "read", e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Deletes the events with these sequence numbers in one transaction (for events the broker has
     * acknowledged). Unknown or already deleted numbers are ignored. Deletions are committed without
     * waiting for an fsync even under {@link SyncLevel#FULL}: a deletion rolled back by a power cut
     * only makes the event go out again, and the hub de-duplicates by event id.
     *
     * @return how many events were deleted
     */
    public int remove(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return 0;
        }
        writeLock.lock();
        try {
            requireOpen();
            int removed;
            try {
                sql.relaxSync(relaxDeletes);
                sql.begin();
                removed = sql.delete(seqs);
                sql.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                reloadState();
                throw OutboxFile.failure(file, "delete from", e);
            } finally {
                restoreSync();
            }
            depth.addAndGet(-removed);
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    /** Events accepted and not yet removed. */
    public long depth() {
        return depth.get();
    }

    /** The sequence number of the last accepted event, 0 when none ever was. */
    public long lastAcceptedSeq() {
        return lastSeq;
    }

    /** How many events of this type this outbox ever accepted (kept with each accept, survives restarts). */
    public long acceptedCount(EventType type) {
        return acceptedByType.getOrDefault(type.wireName(), 0L);
    }

    /**
     * Why the outbox cannot be read right now (closed, file unreadable, held by a stuck writer for more than
     * {@value #PROBE_WAIT_SECONDS} s), or empty when it can: the kiosk's service health check. Never throws.
     */
    public Optional<String> problem() {
        try {
            if (!readLock.tryLock(PROBE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return Optional.of("outbox " + file + " held for more than " + PROBE_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the outbox");
        }
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_meta")) {
            return closed ? Optional.of("outbox " + file + " is closed") : Optional.empty();
        } catch (SQLException e) {
            return Optional.of(closed ? "outbox " + file + " is closed" : "outbox " + file + " unreadable: " + e.getMessage());
        } finally {
            readLock.unlock();
        }
    }

    /** The most events this outbox holds before refusing new ones. */
    public long capacity() {
        return capacity;
    }

    /** The SQLite file. */
    public Path file() {
        return file;
    }

    /** Closes the file. Accepted events stay in it for the next start. Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            sql.close();
            OutboxFile.closeQuietly(reader);
            OutboxFile.closeQuietly(writer);
            processLock.close();
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    /** SQLite's {@code PRAGMA synchronous} on the writing connection right now (1 NORMAL, 2 FULL); for tests. */
    int synchronousInEffect() {
        writeLock.lock();
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            throw OutboxFile.failure(file, "read", e);
        } finally {
            writeLock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new OutboxException(OutboxError.OUTBOX_CLOSED, "outbox " + file + " is closed");
        }
    }

    private void restoreSync() {
        try {
            sql.restoreSync(relaxDeletes);
        } catch (SQLException e) {
            throw OutboxFile.failure(file, "restore synchronous=FULL on", e);
        }
    }

    /**
     * After a failed write: re-reads the sequence, depth and counters from the file, in case the
     * failure came after the data reached it (so that a sequence number is never handed out twice).
     */
    private void reloadState() {
        try {
            loadState(writer);
        } catch (SQLException ignored) {
            // the file is failing; the in-memory state is the best we have and the caller reports the failure
        }
    }

    private void rollback() {
        try {
            sql.rollback();
        } catch (SQLException ignored) {
            // the original failure is reported; SQLite rolls back an unfinished transaction itself
        }
    }
}

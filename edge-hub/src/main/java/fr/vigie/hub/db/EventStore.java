package fr.vigie.hub.db;

import fr.vigie.protocol.KioskStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes one ingest batch in one transaction: events idempotently by id
 * ({@code ON CONFLICT (event_id) DO NOTHING}, arrival order kept in {@code ingest_order}), the device
 * registry rows of their kiosks, kiosk statuses, and quarantined messages. A batch is written with
 * a handful of statements whatever its size. Thread-safe (each call takes its own connection); the
 * hub calls it from its single ingest writer thread.
 */
public final class EventStore {
    private static final String INSERT_EVENTS = "INSERT INTO events"
            + " (event_id, site, kiosk_id, seq, type, occurred_at, schema_version, payload, stored_at)"
            + " SELECT u.id, u.site, u.kiosk, u.seq, u.type, u.occurred, u.schema, u.payload::jsonb, ?"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),"
            + " CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS int[]), CAST(? AS text[]))"
            + " WITH ORDINALITY AS u(id, site, kiosk, seq, type, occurred, schema, payload, ord)"
            + " ORDER BY u.ord ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
    private static final String UPSERT_DEVICES_FROM_EVENTS = "INSERT INTO devices AS d"
            + " (site, kiosk_id, state, last_event_at, last_event_type, event_count, first_seen_at, updated_at)"
            + " SELECT u.site, u.kiosk, 'UNKNOWN', u.last_at, u.last_type, u.n, ?, ?"
            + " FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]),"
            + " CAST(? AS bigint[])) AS u(site, kiosk, last_at, last_type, n)"
            + " ON CONFLICT (site, kiosk_id) DO UPDATE SET event_count = d.event_count + excluded.event_count,"
            + " last_event_type = CASE WHEN d.last_event_at IS NULL OR excluded.last_event_at >= d.last_event_at"
            + " THEN excluded.last_event_type ELSE d.last_event_type END,"
            + " last_event_at = GREATEST(d.last_event_at, excluded.last_event_at), updated_at = excluded.updated_at";
    private static final String UPSERT_STATUS = "INSERT INTO devices AS d (site, kiosk_id, state, status_sent_at,"
            + " software_version, started_at, outbox_depth, heartbeat_seconds, last_heartbeat_at, first_seen_at,"
            + " updated_at, config_version, certificate_not_after, readers)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]))"
            + " ON CONFLICT (site, kiosk_id) DO UPDATE SET state = excluded.state,"
            + " config_version = excluded.config_version, certificate_not_after = excluded.certificate_not_after,"
            + " readers = excluded.readers,"
            + " status_sent_at = excluded.status_sent_at, software_version = excluded.software_version,"
            + " started_at = excluded.started_at, outbox_depth = excluded.outbox_depth,"
            + " heartbeat_seconds = excluded.heartbeat_seconds, last_heartbeat_at = excluded.last_heartbeat_at,"
            + " updated_at = excluded.updated_at";
    // A last will is written when the kiosk connects: it says "offline" but carries no fresh figures.
    private static final String UPSERT_OFFLINE = "INSERT INTO devices AS d (site, kiosk_id, state, status_sent_at,"
            + " software_version, started_at, heartbeat_seconds, first_seen_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (site, kiosk_id) DO UPDATE SET state = excluded.state,"
            + " status_sent_at = excluded.status_sent_at,"
            + " software_version = COALESCE(d.software_version, excluded.software_version),"
            + " started_at = COALESCE(d.started_at, excluded.started_at),"
            + " heartbeat_seconds = COALESCE(d.heartbeat_seconds, excluded.heartbeat_seconds),"
            + " updated_at = excluded.updated_at";
    private static final String INSERT_REJECTED = "INSERT INTO rejected_messages"
            + " (received_at, topic, error_code, reason, size_bytes, first_bytes) VALUES (?, ?, ?, ?, ?, ?)";
    private static final int MAX_TOPIC = 512;
    private static final int MAX_REASON = 2000;

    private final DataSource dataSource;
    private final Clock clock;

    public EventStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Writes the batch and commits. On failure nothing is written and the exception is thrown; the
     * batch may be written again (events and statuses are idempotent).
     */
    public WriteResult write(WriteBatch batch) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<WriteBatch.NewEvent> candidates = BatchPlan.firstOccurrences(batch.events());
                Set<UUID> inserted = insertEvents(c, candidates, now);
                upsertDevices(c, BatchPlan.tallies(candidates, inserted), now);
                List<WriteBatch.StatusUpdate> statuses = BatchPlan.lastStatusPerKiosk(batch.statuses());
                applyStatuses(c, statuses, now);
                quarantine(c, batch.rejections());
                c.commit();
                return new WriteResult(inserted.size(), batch.events().size() - inserted.size(),
                        batch.statuses().size(), batch.rejections().size());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    private static Set<UUID> insertEvents(Connection c, List<WriteBatch.NewEvent> events, Instant now)
            throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        if (events.isEmpty()) {
            return inserted;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] sites = new String[n];
        String[] kiosks = new String[n];
        Long[] seqs = new Long[n];
        String[] types = new String[n];
        String[] occurred = new String[n];
        Integer[] schemas = new Integer[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            var e = events.get(i).event();
            ids[i] = e.eventId().toString();
            sites[i] = e.site();
            kiosks[i] = e.kioskId();
            seqs[i] = e.seq();
            types[i] = e.type();
            occurred[i] = e.occurredAt().toString();
            schemas[i] = e.schema();
            payloads[i] = events.get(i).payloadJson();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
            ps.setObject(1, utc(now));
            Array[] arrays = {c.createArrayOf("text", ids), c.createArrayOf("text", sites),
                c.createArrayOf("text", kiosks), c.createArrayOf("int8", seqs), c.createArrayOf("text", types),
                c.createArrayOf("text", occurred), c.createArrayOf("int4", schemas),
                c.createArrayOf("text", payloads)};
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 2, arrays[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private static void upsertDevices(Connection c, List<BatchPlan.DeviceTally> tallies, Instant now)
            throws SQLException {
        if (tallies.isEmpty()) {
            return;
        }
        int n = tallies.size();
        String[] sites = new String[n];
        String[] kiosks = new String[n];
        String[] lastAt = new String[n];
        String[] lastType = new String[n];
        Long[] counts = new Long[n];
        for (int i = 0; i < n; i++) {
            BatchPlan.DeviceTally t = tallies.get(i);
            sites[i] = t.kiosk().site();
            kiosks[i] = t.kiosk().kioskId();
            lastAt[i] = t.lastOccurredAt().toString();
            lastType[i] = t.lastType();
            counts[i] = t.count();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_DEVICES_FROM_EVENTS)) {
            ps.setObject(1, utc(now));
            ps.setObject(2, utc(now));
            ps.setArray(3, c.createArrayOf("text", sites));
            ps.setArray(4, c.createArrayOf("text", kiosks));
            ps.setArray(5, c.createArrayOf("text", lastAt));
            ps.setArray(6, c.createArrayOf("text", lastType));
            ps.setArray(7, c.createArrayOf("int8", counts));
            ps.executeUpdate();
        }
    }

    private static void applyStatuses(Connection c, List<WriteBatch.StatusUpdate> statuses, Instant now)
            throws SQLException {
        if (statuses.isEmpty()) {
            return;
        }
        try (PreparedStatement online = c.prepareStatement(UPSERT_STATUS);
                PreparedStatement offline = c.prepareStatement(UPSERT_OFFLINE)) {
            for (WriteBatch.StatusUpdate u : statuses) {
                KioskStatus s = u.status();
                if (s.state() == KioskStatus.State.ONLINE) {
                    online.setString(1, s.site());
                    online.setString(2, s.kioskId());
                    online.setString(3, s.state().name());
                    online.setObject(4, utc(s.sentAt()));
                    online.setString(5, s.softwareVersion());
                    online.setObject(6, utc(s.startedAt()));
                    online.setLong(7, s.outboxDepth());
                    online.setInt(8, s.heartbeatSeconds());
                    online.setObject(9, utc(u.heartbeatAt()));
                    online.setObject(10, utc(now));
                    online.setObject(11, utc(now));
                    online.setLong(12, s.configVersion());
                    online.setObject(13, s.certificateExpiry().map(EventStore::utc).orElse(null),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    online.setArray(14, c.createArrayOf("text", s.readers().toArray()));
                    online.addBatch();
                } else {
                    offline.setString(1, s.site());
                    offline.setString(2, s.kioskId());
                    offline.setString(3, s.state().name());
                    offline.setObject(4, utc(s.sentAt()));
                    offline.setString(5, s.softwareVersion());
                    offline.setObject(6, utc(s.startedAt()));
                    offline.setInt(7, s.heartbeatSeconds());
                    offline.setObject(8, utc(now));
                    offline.setObject(9, utc(now));
                    offline.addBatch();
                }
            }
            online.executeBatch();
            offline.executeBatch();
        }
    }

    private static void quarantine(Connection c, List<WriteBatch.Quarantined> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_REJECTED)) {
            for (WriteBatch.Quarantined q : rejections) {
                ps.setObject(1, utc(q.receivedAt()));
                ps.setString(2, cut(q.topic(), MAX_TOPIC));
                ps.setString(3, q.code().name());
                ps.setString(4, cut(q.reason(), MAX_REASON));
                ps.setInt(5, q.sizeBytes());
                ps.setBytes(6, q.firstBytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Drops NUL characters (PostgreSQL text cannot hold them) and cuts to {@code max} characters. */
    static String cut(String text, int max) {
        String clean = text == null ? "" : text.replace("\u0000", "");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

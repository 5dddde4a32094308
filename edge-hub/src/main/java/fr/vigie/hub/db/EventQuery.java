package fr.vigie.hub.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads stored events page by page in arrival order ({@code ingest_order}), with optional filters.
 * Thread-safe.
 *
 * <pre>{@code
 * EventQuery.Page page = query.find(new EventQuery.Filter("chu-nord", "kiosk-001", null, null, null, 0, 100));
 * // next page: filter with afterOrder = page.next()
 * }</pre>
 */
public final class EventQuery {
    private static final String COLUMNS = "SELECT ingest_order, event_id, site, kiosk_id, seq, type, occurred_at,"
            + " stored_at, payload::text AS payload FROM events";

    private final DataSource dataSource;

    public EventQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Which events to read. {@code null} filters match everything.
     *
     * @param site only this site
     * @param kioskId only kiosks with this id
     * @param type only this event type (wire name)
     * @param from only events that occurred at or after this instant
     * @param to only events that occurred before this instant
     * @param afterOrder only events stored after this {@code ingest_order} (0 for the start)
     * @param limit page size
     */
    public record Filter(String site, String kioskId, String type, Instant from, Instant to, long afterOrder,
            int limit) {
    }

    /**
     * One stored event.
     *
     * @param ingestOrder arrival order at the hub
     * @param eventId the event's id
     * @param site its site
     * @param kioskId its kiosk
     * @param seq the kiosk's sequence number
     * @param type its type (wire name)
     * @param occurredAt when the kiosk accepted it
     * @param storedAt when the hub stored it
     * @param payloadJson its payload as JSON text
     */
    public record StoredEvent(long ingestOrder, UUID eventId, String site, String kioskId, long seq, String type,
            Instant occurredAt, Instant storedAt, String payloadJson) {
    }

    /**
     * A page of events.
     *
     * @param events the events, in arrival order
     * @param next the {@code ingest_order} to continue after, or empty when this was the last page
     */
    public record Page(List<StoredEvent> events, OptionalLong next) {
    }

    /** Reads one page. */
    public Page find(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE ingest_order > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterOrder());
        if (f.site() != null) {
            sql.append(" AND site = ?");
            args.add(f.site());
        }
        if (f.kioskId() != null) {
            sql.append(" AND kiosk_id = ?");
            args.add(f.kioskId());
        }
        if (f.type() != null) {
            sql.append(" AND type = ?");
            args.add(f.type());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(f.from().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(f.to().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY ingest_order LIMIT ?");
        args.add(f.limit() + 1);
        List<StoredEvent> events = new ArrayList<>();
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (events.size() == f.limit()) {
                        more = true;
                        break;
                    }
                    events.add(new StoredEvent(rs.getLong("ingest_order"), rs.getObject("event_id", UUID.class),
                            rs.getString("site"), rs.getString("kiosk_id"), rs.getLong("seq"), rs.getString("type"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("stored_at", OffsetDateTime.class).toInstant(), rs.getString("payload")));
                }
            }
        }
        return new Page(events, more ? OptionalLong.of(events.get(events.size() - 1).ingestOrder())
                : OptionalLong.empty());
    }

    /** The arrival order of the event with this id, if it is stored. */
    public OptionalLong orderOf(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ingest_order FROM events WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}

package fr.vigie.hub.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the {@code devices} table (written by ingest) with each kiosk's {@link DeviceRole}, and applies the
 * {@link Presence} rule.
 * Thread-safe: each call uses its own connection.
 */
public final class DeviceRegistry {
    private static final String SELECT = "SELECT d.site, d.kiosk_id, state, last_heartbeat_at, heartbeat_seconds,"
            + " software_version, outbox_depth, started_at, last_event_at, last_event_type, event_count,"
            + " device_group, config_version, certificate_not_after, readers, status_sent_at, r.role"
            + " FROM devices d LEFT JOIN device_roles r ON r.site = d.site AND r.kiosk_id = d.kiosk_id"
            + " ORDER BY d.site, d.kiosk_id";

    private final DataSource dataSource;
    private final Presence presence;

    public DeviceRegistry(DataSource dataSource, Presence presence) {
        this.dataSource = dataSource;
        this.presence = presence;
    }

    /** Every known kiosk, ordered by site then kiosk id. */
    public List<DeviceView> list() throws SQLException {
        List<DeviceView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String state = rs.getString("state");
                Instant heartbeat = instant(rs, "last_heartbeat_at");
                int hb = rs.getInt("heartbeat_seconds");
                Integer heartbeatSeconds = rs.wasNull() ? null : hb;
                long depth = rs.getLong("outbox_depth");
                Long outboxDepth = rs.wasNull() ? null : depth;
                out.add(new DeviceView(rs.getString("site"), rs.getString("kiosk_id"),
                        presence.isOnline(state, heartbeat, heartbeatSeconds), state, heartbeat,
                        rs.getString("software_version"), outboxDepth, instant(rs, "started_at"),
                        instant(rs, "last_event_at"), rs.getString("last_event_type"),
                        rs.getLong("event_count"), rs.getString("device_group"), nullableLong(rs, "config_version"),
                        instant(rs, "certificate_not_after"), readers(rs),
                        uptime(instant(rs, "started_at"), instant(rs, "status_sent_at")),
                        rs.getString("role") == null ? DeviceRole.WORKSTATION : DeviceRole.valueOf(rs.getString("role"))));
            }
        }
        return out;
    }

    /** Number of kiosks known, and number online now. */
    public Counts counts() throws SQLException {
        List<DeviceView> all = list();
        return new Counts(all.size(), (int) all.stream().filter(DeviceView::online).count());
    }

    /**
     * How many kiosks the registry knows and how many are online.
     *
     * @param known kiosks in the registry
     * @param online kiosks online now
     */
    public record Counts(int known, int online) {
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static List<String> readers(ResultSet rs) throws SQLException {
        java.sql.Array a = rs.getArray("readers");
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    private static Long uptime(Instant startedAt, Instant sentAt) {
        return startedAt == null || sentAt == null || sentAt.isBefore(startedAt) ? null
                : java.time.Duration.between(startedAt, sentAt).toSeconds();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

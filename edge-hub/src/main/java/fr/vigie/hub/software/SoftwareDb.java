package fr.vigie.hub.software;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads software rollouts with their targets; column conversions. */
final class SoftwareDb {
    private static final String ROLLOUT = "SELECT rollout_id, package_name, version, device_group, first_stage,"
            + " allow_downgrade, state, reason, actor, created_at, updated_at FROM software_rollouts";

    private SoftwareDb() {
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Optional<SoftwareRollout> find(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(ROLLOUT
                + " WHERE rollout_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        }
    }

    static List<SoftwareRollout> list(DataSource ds, int limit) throws SQLException {
        List<SoftwareRollout> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(ROLLOUT
                + " ORDER BY rollout_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(c, rs));
                }
            }
        }
        return out;
    }

    private static SoftwareRollout read(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("rollout_id");
        List<SoftwareRollout.Target> targets = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.site, t.kiosk_id, t.stage, t.state, t.code, t.message,"
                + " t.from_version, d.software_version, t.sent_at, t.reported_at FROM software_rollout_targets t"
                + " LEFT JOIN devices d ON d.site = t.site AND d.kiosk_id = t.kiosk_id WHERE t.rollout_id = ?"
                + " ORDER BY t.stage, t.site, t.kiosk_id")) {
            ps.setLong(1, id);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    targets.add(new SoftwareRollout.Target(t.getString(1), t.getString(2), t.getInt(3), t.getString(4),
                            t.getString(5), t.getString(6), t.getString(7), t.getString(8), instant(t, "sent_at"),
                            instant(t, "reported_at")));
                    counts.merge(t.getString(4), 1, Integer::sum);
                }
            }
        }
        return new SoftwareRollout(id, rs.getString("package_name"), rs.getString("version"),
                rs.getString("device_group"), rs.getInt("first_stage"), rs.getBoolean("allow_downgrade"),
                rs.getString("state"), rs.getString("reason"), rs.getString("actor"), instant(rs, "created_at"),
                instant(rs, "updated_at"), counts, targets);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

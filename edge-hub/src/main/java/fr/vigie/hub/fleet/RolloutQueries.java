package fr.vigie.hub.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads rollouts and their targets. */
final class RolloutQueries {
    private static final String ROLLOUT = "SELECT version, device_group, settings::text AS settings, reissue_of,"
            + " actor, created_at FROM config_rollouts";

    private RolloutQueries() {
    }

    static Optional<Rollout> find(DataSource ds, long version) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(ROLLOUT + " WHERE version = ?")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        }
    }

    static List<Rollout> list(DataSource ds, String group, int limit) throws SQLException {
        String sql = ROLLOUT + (group == null ? "" : " WHERE device_group = ?") + " ORDER BY version DESC LIMIT ?";
        List<Rollout> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (group != null) {
                ps.setString(i++, group);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(c, rs));
                }
            }
        }
        return out;
    }

    private static Rollout read(Connection c, ResultSet rs) throws SQLException {
        long version = rs.getLong("version");
        long reissue = rs.getLong("reissue_of");
        Long reissueOf = rs.wasNull() ? null : reissue;
        List<Rollout.Target> targets = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT site, kiosk_id, state, code, message, published_at,"
                + " replied_at FROM config_rollout_targets WHERE version = ? ORDER BY site, kiosk_id")) {
            ps.setLong(1, version);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    targets.add(new Rollout.Target(t.getString("site"), t.getString("kiosk_id"), t.getString("state"),
                            t.getString("code"), t.getString("message"), Db.instant(t, "published_at"),
                            Db.instant(t, "replied_at")));
                    counts.merge(t.getString("state"), 1, Integer::sum);
                }
            }
        }
        return new Rollout(version, rs.getString("device_group"), rs.getString("settings"), reissueOf,
                rs.getString("actor"), Db.instant(rs, "created_at"), counts, targets);
    }
}

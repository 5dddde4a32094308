package fr.vigie.hub.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of {@code vigilance_flags}. Stateless. */
final class FlagRows {
    private static final String COLUMNS = "flag_id, record_a, record_b, kind, reason_code, reason, detected_at, resolved";

    private FlagRows() {
    }

    /**
     * Raises a flag on the pair {@code x}, {@code y} (or on {@code x} alone when {@code y} is null) unless
     * the same one is already open; the new flag, or empty.
     */
    static Optional<VigilanceFlag> raise(Connection c, long x, Long y, VigilanceFlag.Kind kind,
            VigilanceFlag.Reason code, String reason, Instant now) throws SQLException {
        long a = y == null ? x : Math.min(x, y);
        Long b = y == null ? null : Math.max(x, y);
        // conflicts: the open-pair index, or the open-single index (record_a, kind, reason_code)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vigilance_flags (record_a, record_b, kind, reason_code,"
                + " reason, detected_at) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING flag_id")) {
            ps.setLong(1, a);
            ps.setObject(2, b, Types.BIGINT);
            ps.setString(3, kind.name());
            ps.setString(4, code.name());
            ps.setString(5, reason);
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new VigilanceFlag(rs.getLong(1), a, b, kind, code, reason, now, false))
                        : Optional.empty();
            }
        }
    }

    /** The flag {@code flagId}, locked for the transaction when {@code forUpdate}. */
    static Optional<VigilanceFlag> find(Connection c, long flagId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vigilance_flags WHERE flag_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setLong(1, flagId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Closes an open flag, by whom and when. */
    static void resolve(Connection c, long flagId, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vigilance_flags SET resolved = true, resolved_by = ?,"
                + " resolved_at = ? WHERE flag_id = ? AND NOT resolved")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, flagId);
            ps.executeUpdate();
        }
    }

    /** Flags, newest first; open ones only unless {@code includeResolved}. */
    static List<VigilanceFlag> list(Connection c, boolean includeResolved, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vigilance_flags"
                + (includeResolved ? "" : " WHERE NOT resolved") + " ORDER BY detected_at DESC, flag_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<VigilanceFlag> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static VigilanceFlag read(ResultSet rs) throws SQLException {
        return new VigilanceFlag(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                VigilanceFlag.Kind.valueOf(rs.getString(4)), VigilanceFlag.Reason.valueOf(rs.getString(5)),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8));
    }
}

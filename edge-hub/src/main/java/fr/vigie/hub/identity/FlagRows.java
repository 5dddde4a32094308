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

    /** Flags, newest first; open ones only unless {@code includeResolved}. */
    static List<VigilanceFlag> list(Connection c, boolean includeResolved, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT flag_id, record_a, record_b, kind, reason_code, reason,"
                + " detected_at, resolved FROM vigilance_flags" + (includeResolved ? "" : " WHERE NOT resolved")
                + " ORDER BY detected_at DESC, flag_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<VigilanceFlag> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VigilanceFlag(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                            VigilanceFlag.Kind.valueOf(rs.getString(4)),
                            VigilanceFlag.Reason.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getBoolean(8)));
                }
            }
            return out;
        }
    }
}

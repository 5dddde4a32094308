package fr.vigie.hub.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of {@code vigilance_flags}. Stateless. */
final class FlagRows {
    private FlagRows() {
    }

    /** Raises a flag on the pair unless one of that kind is already open; the new flag, or empty. */
    static Optional<VigilanceFlag> raise(Connection c, long x, long y, VigilanceFlag.Kind kind,
            VigilanceFlag.Reason code, String reason, Instant now) throws SQLException {
        long a = Math.min(x, y);
        long b = Math.max(x, y);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vigilance_flags (record_a, record_b, kind, reason_code,"
                + " reason, detected_at) VALUES (?,?,?,?,?,?) ON CONFLICT (record_a, record_b, kind) WHERE NOT resolved"
                + " DO NOTHING RETURNING flag_id")) {
            ps.setLong(1, a);
            ps.setLong(2, b);
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
                    out.add(new VigilanceFlag(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            VigilanceFlag.Kind.valueOf(rs.getString(4)),
                            VigilanceFlag.Reason.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getBoolean(8)));
                }
            }
            return out;
        }
    }
}

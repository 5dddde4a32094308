package fr.vigie.hub.agent;

import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The agent proven at each kiosk ({@code agent_bindings}, at most one row per kiosk), with every change
 * appended to the hash-chained audit log in the same transaction: {@code AGENT_BOUND} (actor the kiosk,
 * subject {@code agent:<idNat_PS>}, details kiosk session, method, certificate serial, expiry) and
 * {@code AGENT_UNBOUND} (reason {@code LOCKED}, {@code CLOSED}, {@code REPLACED}, {@code EXPIRED},
 * {@code ROLE_REMOVED}). Thread-safe.
 */
final class AgentBindings {
    static final String BOUND = "AGENT_BOUND";
    static final String UNBOUND = "AGENT_UNBOUND";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    AgentBindings(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** Binds {@code b}, ending the kiosk's previous binding ({@code REPLACED}); {@code also} runs in the same transaction. */
    void bind(AgentBinding b, Work also) throws SQLException {
        Transactions.run(dataSource, c -> {
            // two proofs of one kiosk at once: the second waits, then replaces the first
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "agent-binding:" + b.kiosk());
                ps.execute();
            }
            also.run(c);
            end(c, b.kiosk(), Optional.empty(), "REPLACED");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_bindings (site, kiosk_id,"
                    + " kiosk_session_id, agent, method, certificate_serial, bound_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, b.kiosk().site());
                ps.setString(2, b.kiosk().kioskId());
                ps.setString(3, b.kioskSessionId());
                ps.setString(4, b.agent().value());
                ps.setString(5, b.method().name());
                ps.setString(6, b.certificateSerial().orElse(null));
                ps.setTimestamp(7, Timestamp.from(b.boundAt()));
                ps.setTimestamp(8, Timestamp.from(b.expiresAt()));
                ps.executeUpdate();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("kioskSessionId", b.kioskSessionId());
            details.put("method", b.method().name());
            b.certificateSerial().ifPresent(s -> details.put("certificateSerial", s));
            details.put("expiresAt", b.expiresAt().toString());
            audit.append(c, AuditEntry.of(AuditEntry.kiosk(b.kiosk()), BOUND, subject(b.agent().value()), details));
            return null;
        });
    }

    /** The agent bound at {@code kiosk} now; an expired binding is ended ({@code EXPIRED}) and not returned. */
    Optional<AgentBinding> current(KioskAddress kiosk) throws SQLException {
        Optional<AgentBinding> found;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " kiosk_session_id, agent, method, certificate_serial, bound_at, expires_at FROM agent_bindings"
                + " WHERE site = ? AND kiosk_id = ?")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next() ? Optional.of(read(kiosk, rs)) : Optional.empty();
            }
        }
        if (found.isPresent() && !clock.instant().isBefore(found.get().expiresAt())) {
            String session = found.get().kioskSessionId();
            Transactions.run(dataSource, c -> end(c, kiosk, Optional.of(session), "EXPIRED"));
            return Optional.empty();
        }
        return found;
    }

    /**
     * Ends {@code kiosk}'s binding if it was made for {@code kioskSessionId} (a late message about an older
     * session leaves a newer binding alone); {@code also} runs in the same transaction either way.
     *
     * @return whether a binding ended
     */
    boolean end(KioskAddress kiosk, String kioskSessionId, String reason, Work also) throws SQLException {
        return Transactions.run(dataSource, c -> {
            also.run(c);
            return end(c, kiosk, Optional.of(kioskSessionId), reason);
        });
    }

    /** Ends whatever binding {@code kiosk} has, in the caller's transaction. */
    boolean endAny(Connection c, KioskAddress kiosk, String reason) throws SQLException {
        return end(c, kiosk, Optional.empty(), reason);
    }

    private boolean end(Connection c, KioskAddress kiosk, Optional<String> session, String reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM agent_bindings WHERE site = ? AND kiosk_id = ?"
                + (session.isPresent() ? " AND kiosk_session_id = ?" : "") + " RETURNING agent, kiosk_session_id")) {
            ps.setString(1, kiosk.site());
            ps.setString(2, kiosk.kioskId());
            if (session.isPresent()) {
                ps.setString(3, session.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                // the kiosk ended it (lock, close, a new proof), or the hub did (expiry, role taken away)
                String actor = reason.equals("EXPIRED") || reason.equals("ROLE_REMOVED") ? AuditEntry.HUB
                        : AuditEntry.kiosk(kiosk);
                audit.append(c, AuditEntry.of(actor, UNBOUND, subject(rs.getString(1)),
                        Map.of("kiosk", kiosk.toString(), "kioskSessionId", rs.getString(2), "reason", reason)));
                return true;
            }
        }
    }

    static String subject(String agent) {
        return "agent:" + agent;
    }

    private static AgentBinding read(KioskAddress kiosk, ResultSet rs) throws SQLException {
        try {
            return new AgentBinding(kiosk, rs.getString(1), IdNatPs.parse(rs.getString(2)),
                    ProofMethod.valueOf(rs.getString(3)), Optional.ofNullable(rs.getString(4)),
                    instant(rs, 5), instant(rs, 6));
        } catch (IdentityException e) {
            throw new SQLException("agent_bindings holds an invalid idNat_PS for kiosk " + kiosk, e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    /** More work in a binding's transaction. */
    @FunctionalInterface
    interface Work {
        Work NONE = c -> { };

        void run(Connection c) throws SQLException;
    }
}

package fr.vigie.hub.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The hub's audit log of admin actions and security events, in PostgreSQL, hash-chained: each entry's
 * hash covers its canonical content, its position and the previous entry's hash ({@link AuditChain}),
 * so that {@link #verify()} finds a changed, removed or reordered entry and says where.
 *
 * <p>Appends are serialised in the database: each locks the single chain-head row
 * ({@code SELECT … FOR UPDATE}) in its transaction, so threads and several hub instances sharing one
 * database append one after the other without gaps or forks. The table also refuses UPDATE, DELETE
 * and TRUNCATE through a trigger. Thread-safe; each call uses its own connection unless given one.
 *
 * <pre>{@code
 * AuditLog audit = new AuditLog(dataSource, clock);
 * audit.append(AuditEntry.of("alice", "DEVICE_REVOKED", "kiosk:chu-nord/accueil-1", Map.of("reason", "stolen")));
 * AuditVerification v = audit.verify();   // v.intact()
 * }</pre>
 */
public final class AuditLog {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
    static final String COLUMNS = "SELECT seq, recorded_at, actor, action, subject, details::text AS details,"
            + " prev_hash, hash FROM audit_log";

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends {@code entry} in its own transaction and returns it as recorded. */
    public AuditRecord append(AuditEntry entry) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                AuditRecord r = append(c, entry);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Appends {@code entry} inside the caller's transaction ({@code c} not in auto-commit), so that it
     * is recorded if and only if the caller's change commits. The chain head stays locked until then:
     * keep that transaction short.
     */
    public AuditRecord append(Connection c, AuditEntry entry) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalArgumentException("append(Connection, …) needs a transaction (auto-commit off)");
        }
        long headSeq;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_chain_head FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain_head has no row: the audit schema is damaged");
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long seq = headSeq + 1;
        Instant at = AuditChain.truncate(clock.instant());
        String hash = AuditChain.hash(seq, at, entry.actor(), entry.action(), entry.subject(), entry.details(), headHash);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, recorded_at, actor, action,"
                + " subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.subject());
            ps.setString(6, detailsJson(entry.details()));
            ps.setString(7, headHash);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return new AuditRecord(seq, at, entry.actor(), entry.action(), entry.subject(), entry.details(), headHash, hash);
    }

    /**
     * A page of entries in chain order.
     *
     * @param entries the entries
     * @param next the position to continue after, or empty when this was the last page
     */
    public record Page(List<AuditRecord> entries, OptionalLong next) {
    }

    /** Reads one page of entries matching {@code q}. */
    public Page find(AuditQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(q.afterSeq());
        filter(sql, args, "actor = ?", q.actor());
        filter(sql, args, "action = ?", q.action());
        filter(sql, args, "action = ANY (?)", q.actions() == null ? null : q.actions().toArray(String[]::new));
        filter(sql, args, "subject = ?", q.subject());
        filter(sql, args, "recorded_at >= ?", q.from() == null ? null : OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        filter(sql, args, "recorded_at < ?", q.to() == null ? null : OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(q.limit() + 1);
        List<AuditRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof String[] texts) {
                    ps.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    ps.setObject(i + 1, args.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        if (out.size() > q.limit()) {
            out = out.subList(0, q.limit());
            return new Page(List.copyOf(out), OptionalLong.of(out.get(out.size() - 1).seq()));
        }
        return new Page(List.copyOf(out), OptionalLong.empty());
    }

    /** The latest {@code limit} entries about {@code subject} whose action is one of {@code actions}, newest first. */
    public List<AuditRecord> latest(String subject, Collection<String> actions, int limit) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COLUMNS
                + " WHERE subject = ? AND action = ANY (?) ORDER BY seq DESC LIMIT ?")) {
            ps.setString(1, subject);
            ps.setArray(2, c.createArrayOf("text", actions.toArray()));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Checks the whole chain and reports the first changed, removed or reordered entry. */
    public AuditVerification verify() throws SQLException {
        return new ChainCheck(dataSource).run(null);
    }

    /**
     * Checks the whole chain as {@link #verify()} does, and against {@code exported}, the last head
     * exported outside the database: a chain rebuilt consistently ({@code AUDIT_ANCHOR_MISMATCH}) or
     * shorter than it ({@code AUDIT_CHAIN_TRUNCATED}) is found too.
     */
    public AuditVerification verify(ExportedHead exported) throws SQLException {
        return new ChainCheck(dataSource).run(exported);
    }

    /** Whether the chain still holds {@code exported} and runs on from it, intact, to its head. */
    AuditVerification extending(ExportedHead exported) throws SQLException {
        return new ChainCheck(dataSource).extending(exported);
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        Map<String, String> details;
        try {
            details = JSON.readValue(rs.getString("details"), DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit entry " + rs.getLong("seq") + " has unreadable details", e);
        }
        return new AuditRecord(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), details,
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static String detailsJson(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit details", e);
        }
    }
}

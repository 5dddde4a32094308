package fr.vigie.hub.insi;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every INSi call in PostgreSQL (table {@code insi_calls}, {@code V50__insi_calls.sql}): the
 * {@link InsiAudit} of the hub's production wiring. Each {@link InsiAuditEntry} is one row, written
 * in its own statement as the call ends; the row holds the values sent (Vitale matricules masked) and
 * the masked INS returned, never a full matricule. A row that cannot be written is logged with
 * {@link InsiAuditEntry#message()} (ids and codes only) and never fails the call it records.
 * {@link #find(Filter)} reads rows back for IT. Thread-safe.
 *
 * <pre>{@code
 * InsiCallLog calls = new InsiCallLog(dataSource);
 * SoapInsiClient insi = SoapInsiClient.overHttps(settings, tls, calls, clock);
 * InsiCallLog.Page p = calls.find(InsiCallLog.Filter.all(100));
 * }</pre>
 */
public final class InsiCallLog implements InsiAudit {
    private static final Logger LOG = LoggerFactory.getLogger(InsiCallLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Which calls to read, oldest first. {@code null} filters match everything. Immutable.
     *
     * @param recordId only calls for this identity record
     * @param kiosk only calls from this kiosk ({@code {site}/{kioskId}})
     * @param agent only calls by this agent
     * @param outcome only this outcome ({@code 00}, {@code 01}, {@code 02} or an error code)
     * @param warning only calls with this warning ({@code INSI_KEY_NOT_VERIFIED})
     * @param from only calls started at or after this instant
     * @param to only calls started before this instant
     * @param afterId only calls after this one (0 for the start)
     * @param limit page size, 1 to {@link #MAX_LIMIT}
     */
    public record Filter(Long recordId, String kiosk, String agent, String outcome, String warning, Instant from,
            Instant to, long afterId, int limit) {
        public Filter {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
            }
            if (afterId < 0) {
                throw new IllegalArgumentException("after must not be negative");
            }
        }

        /** Every call, {@code limit} at a time. */
        public static Filter all(int limit) {
            return new Filter(null, null, null, null, null, null, null, 0, limit);
        }
    }

    /**
     * One recorded call.
     *
     * @param query the values sent as a JSON object (matricules masked)
     * @param matched whether this call gave the identity ({@code 00})
     */
    public record Call(long callId, Instant startedAt, long durationMs, String kiosk, String agent, Long recordId,
            String operation, String queryKind, @JsonRawValue String query, String messageId, int attempts,
            String outcome, boolean matched, String faultSubcode, String faultDetail, String warning,
            String insMasked) {
    }

    /** A page of calls and the id to continue after, when there may be more. */
    public record Page(List<Call> calls, OptionalLong next) {
        public Page {
            calls = List.copyOf(calls);
        }
    }

    private final DataSource dataSource;

    public InsiCallLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void record(InsiAuditEntry e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO insi_calls (started_at, duration_ms, kiosk, agent,"
                        + " record_id, operation, query_kind, query, message_id, attempts, outcome, fault_subcode,"
                        + " fault_detail, warning, ins_masked) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(e.at()));
            ps.setLong(2, e.duration().toMillis());
            ps.setString(3, e.caller().kiosk());
            ps.setString(4, e.caller().agent());
            if (e.caller().recordId() == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, e.caller().recordId());
            }
            ps.setString(6, e.operation().name());
            ps.setString(7, e.query() == null ? null : e.query().name());
            ps.setString(8, JSON.writeValueAsString(e.sent()));
            ps.setString(9, e.messageId());
            ps.setInt(10, e.attempts());
            ps.setString(11, e.outcome());
            ps.setString(12, e.faultSubcode());
            ps.setString(13, e.faultDetail());
            ps.setString(14, e.warning());
            ps.setString(15, e.maskedIns());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException | RuntimeException ex) {
            LOG.error("INSi call not recorded ({}): {}", ex.getClass().getSimpleName(), e.message());
        }
    }

    /** The calls matching {@code f}, oldest first. */
    public Page find(Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT call_id, started_at, duration_ms, kiosk, agent, record_id,"
                + " operation, query_kind, query::text, message_id, attempts, outcome, fault_subcode, fault_detail,"
                + " warning, ins_masked FROM insi_calls WHERE call_id > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterId());
        condition(sql, args, "record_id = ?", f.recordId());
        condition(sql, args, "kiosk = ?", f.kiosk());
        condition(sql, args, "agent = ?", f.agent());
        condition(sql, args, "outcome = ?", f.outcome());
        condition(sql, args, "warning = ?", f.warning());
        condition(sql, args, "started_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
        condition(sql, args, "started_at < ?", f.to() == null ? null : Timestamp.from(f.to()));
        sql.append(" ORDER BY call_id LIMIT ?");
        args.add(f.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Call> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long recordId = rs.getLong(6);
                    Long record = rs.wasNull() ? null : recordId;
                    String outcome = rs.getString(12);
                    out.add(new Call(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getString(4),
                            rs.getString(5), record, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getInt(11), outcome, outcome.equals("00"), rs.getString(13), rs.getString(14),
                            rs.getString(15), rs.getString(16)));
                }
            }
            if (out.size() > f.limit()) {
                out = out.subList(0, f.limit());
                return new Page(out, OptionalLong.of(out.get(out.size() - 1).callId()));
            }
            return new Page(out, OptionalLong.empty());
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }
}

package fr.vigie.hub.gam;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The GAM feed's durable queue in PostgreSQL ({@code gam_outbox}, {@code V71__gam_outbox.sql}). A message is
 * written in the transaction of the registry change it reports ({@link #enqueue}), which also sends a
 * {@code NOTIFY} {@value #CHANNEL}, delivered to the sender when that transaction commits. The sender takes the
 * oldest waiting message whose patients (both records, for a merge) have no older message still waiting or refused
 * ({@link #next}): order is kept per patient, and a patient whose message the GAM refused waits for IT while the
 * others go on. Thread-safe.
 */
public final class GamOutbox {
    /** The PostgreSQL notification channel the sender listens on. */
    static final String CHANNEL = "gam_outbox";
    private static final String COLUMNS = "m.message_id, m.control_id, m.event, m.record_id, m.other_record_id, m.state,"
            + " m.created_at, m.attempts, m.last_attempt_at, m.last_error, m.ack_code, m.ack_text, m.acked_at,"
            + " m.resent_by, m.resent_at";
    /** An older message, not delivered, of one of {@code m}'s patients. */
    private static final String OLDER_OF_SAME_PATIENT = "SELECT o.message_id FROM gam_outbox o WHERE o.state <> 'DONE'"
            + " AND o.message_id < m.message_id AND (o.record_id = m.record_id OR o.record_id = m.other_record_id"
            + " OR o.other_record_id = m.record_id OR o.other_record_id = m.other_record_id)";

    private final DataSource dataSource;
    private final AuditLog audit;

    public GamOutbox(DataSource dataSource, AuditLog audit) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** A message to send: its id, MSH-10 and HL7 text. */
    record Pending(long messageId, String controlId, PamEvent event, String message) {
        @Override
        public String toString() {
            return "Pending[" + messageId + ", " + event + ", " + controlId + "]"; // never the text: it may hold an INS
        }
    }

    /** How many messages are in each state, and since when the oldest waiting one waits. */
    public record Counts(long waiting, long failed, long delivered, Instant oldestWaitingSince) {
    }

    /** Queues a message inside the caller's transaction, and notifies the sender when it commits. */
    void enqueue(Connection c, PamEvent event, long recordId, Long otherRecordId, String controlId, String message,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gam_outbox (control_id, event, record_id,"
                + " other_record_id, message, created_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, controlId);
            ps.setString(2, event.name());
            ps.setLong(3, recordId);
            ps.setObject(4, otherRecordId, Types.BIGINT);
            ps.setString(5, message);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
    }

    /**
     * The next message to send: the oldest waiting one whose patients have no older message still undelivered. Only
     * a refused message can be older than the oldest waiting one, so the patients of refused messages are blocked,
     * and so are those of each waiting message passed over; the first message touching none is the one. In the
     * usual case (nothing refused) that is the head of the queue, read from its index at once.
     */
    Optional<Pending> next() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Set<Long> blocked = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id, other_record_id FROM gam_outbox"
                    + " WHERE state = 'FAILED'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blocked.add(rs.getLong(1));
                    Long other = rs.getObject(2, Long.class);
                    if (other != null) {
                        blocked.add(other);
                    }
                }
            }
            long after = 0;
            while (true) {
                boolean any = false;
                try (PreparedStatement ps = c.prepareStatement("SELECT message_id, record_id, other_record_id FROM"
                        + " gam_outbox WHERE state = 'PENDING' AND message_id > ? ORDER BY message_id LIMIT 200")) {
                    ps.setLong(1, after);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            any = true;
                            after = rs.getLong(1);
                            long record = rs.getLong(2);
                            Long other = rs.getObject(3, Long.class);
                            if (!blocked.contains(record) && (other == null || !blocked.contains(other))) {
                                return pending(c, after);
                            }
                            blocked.add(record);
                            if (other != null) {
                                blocked.add(other);
                            }
                        }
                    }
                }
                if (!any) {
                    return Optional.empty();
                }
            }
        }
    }

    private static Optional<Pending> pending(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, control_id, event, message FROM gam_outbox"
                + " WHERE message_id = ?")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Pending(rs.getLong(1), rs.getString(2), PamEvent.valueOf(rs.getString(3)),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** The GAM accepted the message. */
    void delivered(long messageId, Ack ack, Instant now) throws SQLException {
        answered(messageId, OutboxMessage.State.DONE, ack, now);
    }

    /** The GAM refused the message: it is kept, with its answer, until IT sends it again. */
    void refused(long messageId, Ack ack, Instant now) throws SQLException {
        answered(messageId, OutboxMessage.State.FAILED, ack, now);
    }

    private void answered(long messageId, OutboxMessage.State state, Ack ack, Instant now) throws SQLException {
        outcome(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gam_outbox SET state = ?, attempts = attempts + 1,"
                    + " last_attempt_at = ?, last_error = NULL, ack_code = ?, ack_text = ?, acked_at = ?"
                    + " WHERE message_id = ? AND state = 'PENDING'")) {
                ps.setString(1, state.name());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, ack.code());
                ps.setString(4, ack.text().isEmpty() ? null : ack.text());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setLong(6, messageId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records what became of an attempt without waiting for the disk ({@code synchronous_commit} off for this
     * transaction only): losing it in a crash only means sending that message again, with the same MSH-10, which
     * the outbox allows anyway; the message itself was written durably with the registry change.
     */
    private void outcome(Transactions.Work<Void, RuntimeException> work) throws SQLException {
        Transactions.run(dataSource, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        });
    }

    /** An attempt got no usable answer (the GAM unreachable, a timeout, an unreadable answer): it stays waiting. */
    void attemptFailed(long messageId, String error, Instant now) throws SQLException {
        outcome(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gam_outbox SET attempts = attempts + 1,"
                    + " last_attempt_at = ?, last_error = ? WHERE message_id = ? AND state = 'PENDING'")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, error.length() > Ack.MAX_TEXT ? error.substring(0, Ack.MAX_TEXT) : error);
                ps.setLong(3, messageId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * IT sends a refused message again (once the cause is fixed on the GAM's side): it waits again at its place in
     * the queue, before the patient's later messages. Audited ({@code GAM_MESSAGE_RESENT}) in the same transaction.
     *
     * @throws GamRefusal {@code GAM_MESSAGE_NOT_FOUND}, or {@code GAM_MESSAGE_NOT_FAILED} for a message the GAM did
     *     not refuse
     */
    public OutboxMessage resend(long messageId, String login, Instant now) throws GamRefusal, SQLException {
        return Transactions.run(dataSource, c -> {
            OutboxMessage m = find(c, messageId, true).orElseThrow(() -> GamRefusal.notFound(messageId));
            if (m.state() != OutboxMessage.State.FAILED) {
                throw new GamRefusal(409, GamRefusal.NOT_FAILED, "message " + messageId + " is " + m.state()
                        + ": only a message the GAM refused is sent again");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE gam_outbox SET state = 'PENDING', resent_by = ?,"
                    + " resent_at = ? WHERE message_id = ?")) {
                ps.setString(1, AuditEntry.staff(login));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, messageId);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY " + CHANNEL);
            }
            audit.append(c, AuditEntry.of(AuditEntry.staff(login), "GAM_MESSAGE_RESENT", "identity:" + m.recordId(),
                    Map.of("message", Long.toString(messageId), "event", m.event().name(), "controlId", m.controlId(),
                            "ackCode", String.valueOf(m.ackCode()))));
            return find(c, messageId, false).orElseThrow();
        });
    }

    /** One message. */
    public Optional<OutboxMessage> find(long messageId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, messageId, false);
        }
    }

    /**
     * Messages in {@code state}, at most {@code limit}: waiting and refused ones oldest first (the order they go
     * in), delivered ones newest first.
     */
    public List<OutboxMessage> list(OutboxMessage.State state, int limit) throws SQLException {
        String order = state == OutboxMessage.State.DONE ? "m.message_id DESC" : "m.message_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", (" + OLDER_OF_SAME_PATIENT + " ORDER BY o.message_id LIMIT 1) FROM gam_outbox m WHERE m.state = ?"
                + " ORDER BY " + order + " LIMIT ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    /** The counts per state. */
    public Counts counts() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'FAILED'),"
                + " count(*) FILTER (WHERE state = 'DONE'), min(created_at) FILTER (WHERE state = 'PENDING')"
                + " FROM gam_outbox"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(4);
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), oldest == null ? null : oldest.toInstant());
        }
    }

    private static Optional<OutboxMessage> find(Connection c, long messageId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", (" + OLDER_OF_SAME_PATIENT
                + " ORDER BY o.message_id LIMIT 1) FROM gam_outbox m WHERE m.message_id = ?"
                + (forUpdate ? " FOR UPDATE OF m" : ""))) {
            ps.setLong(1, messageId);
            return read(ps).stream().findFirst();
        }
    }

    private static List<OutboxMessage> read(PreparedStatement ps) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OutboxMessage.State state = OutboxMessage.State.valueOf(rs.getString(6));
                out.add(new OutboxMessage(rs.getLong(1), rs.getString(2), PamEvent.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getObject(5, Long.class), state, instant(rs, 7), rs.getInt(8),
                        instant(rs, 9), rs.getString(10), rs.getString(11), rs.getString(12), instant(rs, 13),
                        rs.getString(14), instant(rs, 15),
                        state == OutboxMessage.State.PENDING ? rs.getObject(16, Long.class) : null));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

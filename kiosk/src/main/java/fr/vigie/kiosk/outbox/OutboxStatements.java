package fr.vigie.kiosk.outbox;

import fr.vigie.protocol.EventId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The prepared statements, reused for every call (guarded by the outbox's locks). */
final class OutboxStatements {
    private final PreparedStatement insert;
    private final PreparedStatement setLastSeq;
    private final PreparedStatement countAccepted;
    private final PreparedStatement delete;
    private final PreparedStatement pending;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final Statement pragmas;

    OutboxStatements(Connection writer, Connection reader) throws SQLException {
        insert = writer.prepareStatement("INSERT INTO outbox_event (seq, event_id, type, body) VALUES (?, ?, ?, ?)");
        setLastSeq = writer.prepareStatement("UPDATE outbox_meta SET value = ? WHERE name = '"
                + OutboxFile.LAST_SEQ + "'");
        countAccepted = writer.prepareStatement("INSERT INTO outbox_meta (name, value) VALUES (?, 1)"
                + " ON CONFLICT (name) DO UPDATE SET value = value + 1");
        delete = writer.prepareStatement("DELETE FROM outbox_event WHERE seq = ?");
        begin = writer.prepareStatement("BEGIN IMMEDIATE");
        commit = writer.prepareStatement("COMMIT");
        rollback = writer.prepareStatement("ROLLBACK");
        // never prepared ahead: SQLite applies PRAGMA synchronous when the statement is prepared
        pragmas = writer.createStatement();
        pending = reader.prepareStatement("SELECT seq, event_id, type, body FROM outbox_event WHERE seq > ?"
                + " ORDER BY seq LIMIT ?");
    }

    void insert(long seq, String eventId, String type, byte[] body) throws SQLException {
        insert.setLong(1, seq);
        insert.setString(2, eventId);
        insert.setString(3, type);
        insert.setBytes(4, body);
        insert.executeUpdate();
    }

    void setLastSeq(long seq) throws SQLException {
        setLastSeq.setLong(1, seq);
        if (setLastSeq.executeUpdate() != 1) {
            throw new SQLException("outbox_meta has no " + OutboxFile.LAST_SEQ + " row");
        }
    }

    void countAccepted(String name) throws SQLException {
        countAccepted.setString(1, name);
        countAccepted.executeUpdate();
    }

    void begin() throws SQLException {
        begin.executeUpdate();
    }

    void commit() throws SQLException {
        commit.executeUpdate();
    }

    /** Rolls back the open transaction; throws if there is none (a failed COMMIT may have ended it). */
    void rollback() throws SQLException {
        rollback.executeUpdate();
    }

    /** Outside a transaction: the next commits skip the fsync if {@code relaxed}. */
    void relaxSync(boolean relaxed) throws SQLException {
        if (relaxed) {
            pragmas.execute("PRAGMA synchronous = NORMAL");
        }
    }

    int delete(Collection<Long> seqs) throws SQLException {
        int removed = 0;
        for (long seq : seqs) {
            delete.setLong(1, seq);
            removed += delete.executeUpdate();
        }
        return removed;
    }

    /** Outside a transaction: back to FULL for the next accept. */
    void restoreSync(boolean relaxed) throws SQLException {
        if (relaxed) {
            pragmas.execute("PRAGMA synchronous = FULL");
        }
    }

    List<Pending> pending(long afterSeq, int limit) throws SQLException {
        pending.setLong(1, afterSeq);
        pending.setInt(2, limit);
        List<Pending> out = new ArrayList<>(Math.min(limit, 1024));
        try (ResultSet rs = pending.executeQuery()) {
            while (rs.next()) {
                out.add(new Pending(rs.getLong(1), EventId.parse(rs.getString(2)), rs.getString(3),
                        rs.getBytes(4)));
            }
        }
        return out;
    }

    void close() {
        for (PreparedStatement p : new PreparedStatement[] {insert, setLastSeq, countAccepted, delete, pending, begin, commit, rollback}) {
            OutboxFile.closeQuietly(p);
        }
        OutboxFile.closeQuietly(pragmas);
    }
}

package fr.vigie.hub.audit;

import fr.vigie.hub.audit.AuditVerification.Code;
import fr.vigie.hub.audit.AuditVerification.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One run of {@link AuditLog#verify()}: reads the chain in position order, in one repeatable-read
 * transaction (a consistent snapshot while appends go on), recomputes every hash and stops at the
 * first problem. When an entry fails, the links are read into memory once to tell a moved entry
 * (its content matches its hash at the position its links lead to) from a changed one.
 */
final class ChainCheck {
    private static final int FETCH = 500;
    private static final int RENUMBER_SEARCH = 64;

    private final DataSource dataSource;
    private Map<String, String> prevByHash;

    ChainCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    AuditVerification run() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return check(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private AuditVerification check(Connection c) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_chain_head");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AuditVerification(false, 0, 0, AuditChain.GENESIS,
                        new Problem(Code.AUDIT_HEAD_MISMATCH, 0, "the chain head row is missing"));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long expected = 1;
        String prevHash = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(AuditLog.COLUMNS + " ORDER BY seq")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    if (seq != expected) {
                        return fail(expected - 1, headSeq, headHash, Code.AUDIT_ENTRY_REMOVED, expected,
                                "entry " + expected + " is missing (the next entry is at position " + seq + ")");
                    }
                    AuditRecord r;
                    try {
                        r = AuditLog.read(rs);
                    } catch (SQLException e) {
                        return fail(expected - 1, headSeq, headHash, Code.AUDIT_ENTRY_CHANGED, seq,
                                "entry " + seq + " can no longer be read: " + e.getMessage());
                    }
                    Problem p = problemOf(c, r, prevHash);
                    if (p != null) {
                        return new AuditVerification(false, expected - 1, headSeq, headHash, p);
                    }
                    prevHash = r.hash();
                    expected++;
                }
            }
        }
        long last = expected - 1;
        if (last < headSeq) {
            return fail(last, headSeq, headHash, Code.AUDIT_ENTRY_REMOVED, last + 1, "the log ends at entry " + last
                    + " but the chain head records " + headSeq + " entries: entries " + (last + 1) + " to "
                    + headSeq + " were removed");
        }
        if (last > headSeq || !prevHash.equals(headHash.strip())) {
            return fail(last, headSeq, headHash, Code.AUDIT_HEAD_MISMATCH, last, "the log ends at entry " + last
                    + " with hash " + prevHash + " but the chain head records entry " + headSeq + " with hash "
                    + headHash);
        }
        return new AuditVerification(true, last, headSeq, headHash, null);
    }

    private static AuditVerification fail(long checked, long headSeq, String headHash, Code code, long position,
            String message) {
        return new AuditVerification(false, checked, headSeq, headHash, new Problem(code, position, message));
    }

    /** What is wrong with {@code r}, read at its position after an entry whose hash is {@code prevHash}. */
    private Problem problemOf(Connection c, AuditRecord r, String prevHash) throws SQLException {
        boolean contentOk = AuditChain.hashAt(r, r.seq()).equals(r.hash());
        boolean linkOk = r.prevHash().equals(prevHash);
        if (contentOk && linkOk) {
            return null;
        }
        long recordedAt = depth(c, r.prevHash()) + 1;
        if (recordedAt > 0 && recordedAt != r.seq() && AuditChain.hashAt(r, recordedAt).equals(r.hash())) {
            return new Problem(Code.AUDIT_ENTRY_REORDERED, r.seq(), "entry " + r.seq() + " was recorded at position "
                    + recordedAt + " and has been moved");
        }
        if (!contentOk) {
            for (long s = r.seq() + 1; s <= r.seq() + RENUMBER_SEARCH; s++) {
                if (AuditChain.hashAt(r, s).equals(r.hash())) {
                    return new Problem(Code.AUDIT_ENTRY_REMOVED, r.seq(), "entry " + r.seq() + " was recorded at position "
                            + s + ": " + (s - r.seq()) + " entries before it were removed and the rest renumbered");
                }
            }
            return new Problem(Code.AUDIT_ENTRY_CHANGED, r.seq(), "entry " + r.seq()
                    + " does not match its hash: its content was changed");
        }
        return new Problem(Code.AUDIT_ENTRY_CHANGED, r.seq() - 1, "entry " + (r.seq() - 1)
                + " was rewritten: its hash is not the one entry " + r.seq() + " was chained to");
    }

    /** How many links lead from {@code hash} back to the start, or -1 when the links are broken. */
    private long depth(Connection c, String hash) throws SQLException {
        if (prevByHash == null) {
            prevByHash = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hash, prev_hash FROM audit_log");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    prevByHash.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        long n = 0;
        String h = hash;
        while (!AuditChain.GENESIS.equals(h)) {
            h = prevByHash.get(h);
            if (h == null || ++n > prevByHash.size()) {
                return -1;
            }
        }
        return n;
    }
}

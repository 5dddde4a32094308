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
 *
 * <p>Given the last head exported outside the database ({@link ExportedHead}), it also checks that
 * the entry at that position still has the exported hash ({@code AUDIT_ANCHOR_MISMATCH}: the chain
 * was rebuilt, however consistently) and that the chain reaches that position
 * ({@code AUDIT_CHAIN_TRUNCATED}). {@link #extending(ExportedHead)} reads only from that position on:
 * what the hub checks before it exports a newer head, so that it never anchors a rewritten chain.
 */
final class ChainCheck {
    private static final int FETCH = 500;
    private static final int RENUMBER_SEARCH = 64;

    private final DataSource dataSource;
    private Map<String, String> prevByHash;

    ChainCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The whole chain, and the exported head when there is one ({@code null} otherwise). */
    AuditVerification run(ExportedHead anchor) throws SQLException {
        return inSnapshot(c -> check(c, anchor, false));
    }

    /** Whether the chain still holds {@code anchor} and runs on from it, intact, to the chain head. */
    AuditVerification extending(ExportedHead anchor) throws SQLException {
        return inSnapshot(c -> check(c, anchor, true));
    }

    private interface Check {
        AuditVerification on(Connection c) throws SQLException;
    }

    private AuditVerification inSnapshot(Check check) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return check.on(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * @param anchor the last exported head, or null
     * @param fromAnchor read from the anchor's position only (then {@code anchor} is not null)
     */
    private AuditVerification check(Connection c, ExportedHead anchor, boolean fromAnchor) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_chain_head");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AuditVerification(false, 0, 0, AuditChain.GENESIS, anchor,
                        new Problem(Code.AUDIT_HEAD_MISMATCH, 0, "the chain head row is missing"));
            }
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long start = fromAnchor ? anchor.seq() : 1;
        long expected = start;
        String prevHash = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(AuditLog.COLUMNS + " WHERE seq >= ? ORDER BY seq")) {
            ps.setLong(1, start);
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    if (seq != expected) {
                        return fail(expected - start, headSeq, headHash, anchor, Code.AUDIT_ENTRY_REMOVED, expected,
                                "entry " + expected + " is missing (the next entry is at position " + seq + ")");
                    }
                    AuditRecord r;
                    try {
                        r = AuditLog.read(rs);
                    } catch (SQLException e) {
                        return fail(expected - start, headSeq, headHash, anchor, Code.AUDIT_ENTRY_CHANGED, seq,
                                "entry " + seq + " can no longer be read: " + e.getMessage());
                    }
                    if (fromAnchor && seq == start) {
                        prevHash = r.prevHash(); // what comes before the anchor was checked when it was exported
                    }
                    Problem p = problemOf(c, r, prevHash);
                    if (p != null) {
                        return new AuditVerification(false, expected - start, headSeq, headHash, anchor, p);
                    }
                    if (anchor != null && seq == anchor.seq() && !r.hash().equals(anchor.hash())) {
                        return fail(expected - start, headSeq, headHash, anchor, Code.AUDIT_ANCHOR_MISMATCH, seq,
                                "entry " + seq + " has hash " + r.hash() + " but the head exported at "
                                        + anchor.exportedAt() + " says " + anchor.hash()
                                        + ": the chain was rewritten at or before entry " + seq);
                    }
                    prevHash = r.hash();
                    expected++;
                }
            }
        }
        long last = expected - 1;
        long checked = expected - start;
        if (last < headSeq) {
            return fail(checked, headSeq, headHash, anchor, Code.AUDIT_ENTRY_REMOVED, last + 1, "the log ends at entry "
                    + last + " but the chain head records " + headSeq + " entries: entries " + (last + 1) + " to "
                    + headSeq + " were removed");
        }
        if (last > headSeq || !prevHash.equals(headHash.strip())) {
            return fail(checked, headSeq, headHash, anchor, Code.AUDIT_HEAD_MISMATCH, last, "the log ends at entry "
                    + last + " with hash " + prevHash + " but the chain head records entry " + headSeq + " with hash "
                    + headHash);
        }
        if (anchor != null && last < anchor.seq()) {
            return fail(checked, headSeq, headHash, anchor, Code.AUDIT_CHAIN_TRUNCATED, last + 1, "the log ends at entry "
                    + last + " but the head exported at " + anchor.exportedAt() + " was entry " + anchor.seq()
                    + ": entries " + (last + 1) + " to " + anchor.seq() + " were cut off");
        }
        return new AuditVerification(true, checked, headSeq, headHash, anchor, null);
    }

    private static AuditVerification fail(long checked, long headSeq, String headHash, ExportedHead anchor, Code code,
            long position, String message) {
        return new AuditVerification(false, checked, headSeq, headHash, anchor, new Problem(code, position, message));
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

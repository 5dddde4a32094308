package fr.vigie.hub.audit;

/**
 * The verdict of {@link AuditLog#verify()}: whether the chain is intact, and if not, the first
 * problem found, with its position. Immutable.
 *
 * <pre>{@code
 * AuditVerification v = auditLog.verify();
 * if (!v.intact()) System.out.println(v.problem().code() + " at " + v.problem().position());
 * }</pre>
 *
 * @param intact whether every entry matches its hash, the chain has no gap, and its end matches the head
 * @param entriesChecked entries read
 * @param headSeq position of the last entry, as the chain head records it
 * @param headHash hash of the last entry, as the chain head records it
 * @param anchor the last head the hub exported outside the database, checked against the chain, or
 *     {@code null} when none was exported yet
 * @param problem the first problem, or {@code null} when intact
 */
public record AuditVerification(boolean intact, long entriesChecked, long headSeq, String headHash,
        ExportedHead anchor, Problem problem) {

    /** Stable codes of what verification finds. */
    public enum Code {
        /** An entry's content (or position) no longer matches its hash. */
        AUDIT_ENTRY_CHANGED,
        /** An entry is missing: a gap in the positions, or entries cut off the end. */
        AUDIT_ENTRY_REMOVED,
        /** An intact entry sits at another position than the one it was recorded at. */
        AUDIT_ENTRY_REORDERED,
        /** The last entry is not the one the chain head records (entries added outside the log). */
        AUDIT_HEAD_MISMATCH,
        /** The entry at the exported head's position has another hash: the chain was rebuilt, e.g. by a database superuser. */
        AUDIT_ANCHOR_MISMATCH,
        /** The chain ends before the exported head's position: entries were cut off its end. */
        AUDIT_CHAIN_TRUNCATED,
        /** The exported head cannot be trusted: its file was changed or its signature does not verify. */
        AUDIT_ANCHOR_INVALID
    }

    /**
     * The first problem found.
     *
     * @param code what is wrong
     * @param position the position (seq) where the chain breaks
     * @param message a sentence for people
     */
    public record Problem(Code code, long position, String message) {
    }

    /** One line for people: {@code intact: 42 entries, head 42 3f2a…} or the problem. */
    public String describe() {
        return intact ? "intact: " + entriesChecked + " entries, head " + headSeq + " " + headHash
                + (anchor == null ? ", no head exported yet" : ", matches the head exported at " + anchor.exportedAt()
                        + " (entry " + anchor.seq() + ")")
                : problem.code() + " at position " + problem.position() + ": " + problem.message();
    }

    /** The same verdict, broken by {@code problem} (an anchor that could not be trusted). */
    AuditVerification brokenBy(Problem problem) {
        return new AuditVerification(false, entriesChecked, headSeq, headHash, null, problem);
    }
}

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
 * @param headHash hash of the last entry, as the chain head records it (note it somewhere else to
 *     detect a rewrite of the whole chain)
 * @param problem the first problem, or {@code null} when intact
 */
public record AuditVerification(boolean intact, long entriesChecked, long headSeq, String headHash,
        Problem problem) {

    /** Stable codes of what verification finds. */
    public enum Code {
        /** An entry's content (or position) no longer matches its hash. */
        AUDIT_ENTRY_CHANGED,
        /** An entry is missing: a gap in the positions, or entries cut off the end. */
        AUDIT_ENTRY_REMOVED,
        /** An intact entry sits at another position than the one it was recorded at. */
        AUDIT_ENTRY_REORDERED,
        /** The last entry is not the one the chain head records (entries added outside the log). */
        AUDIT_HEAD_MISMATCH
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
                : problem.code() + " at position " + problem.position() + ": " + problem.message();
    }
}

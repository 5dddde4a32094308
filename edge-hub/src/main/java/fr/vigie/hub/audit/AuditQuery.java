package fr.vigie.hub.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which audit entries to read, in chain order. {@code null} filters match everything. Immutable.
 *
 * @param actor only entries by this actor
 * @param action only this action code
 * @param actions only these action codes ({@link AuditCategory#actions()}), {@code null} for any
 * @param subject only entries about this subject
 * @param from only entries recorded at or after this instant
 * @param to only entries recorded before this instant
 * @param afterSeq only entries after this position (0 for the start)
 * @param limit page size, 1 to 1000
 */
public record AuditQuery(String actor, String action, Set<String> actions, String subject, Instant from, Instant to,
        long afterSeq, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        actions = actions == null ? null : Set.copyOf(actions);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit '" + limit + "' must be between 1 and " + MAX_LIMIT);
        }
        if (afterSeq < 0) {
            throw new IllegalArgumentException("after '" + afterSeq + "' must not be negative");
        }
    }

    /** A query without a set of actions. */
    public AuditQuery(String actor, String action, String subject, Instant from, Instant to, long afterSeq, int limit) {
        this(actor, action, null, subject, from, to, afterSeq, limit);
    }

    /** Everything from the start, {@code limit} at a time. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, 0, limit);
    }
}

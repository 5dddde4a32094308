package fr.vigie.hub.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An entry as the {@link AuditLog} holds it: its position in the chain, when it was recorded, and
 * the hashes that chain it. Immutable.
 *
 * @param seq position in the chain, from 1, without gaps
 * @param recordedAt when the hub recorded it (microsecond precision)
 * @param actor who acted
 * @param action the action code
 * @param subject what it acted on
 * @param details a few facts (sorted by key)
 * @param prevHash hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 of this entry's canonical form, lowercase hex (see {@link AuditChain})
 */
public record AuditRecord(long seq, Instant recordedAt, String actor, String action, String subject,
        Map<String, String> details, String prevHash, String hash) {

    public AuditRecord {
        details = Map.copyOf(details);
    }
}

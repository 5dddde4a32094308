package fr.vigie.hub.db;

/**
 * What one ingest transaction changed. Immutable.
 *
 * @param stored events inserted for the first time
 * @param duplicates events whose id was already stored (or repeated within the batch)
 * @param statuses status updates applied
 * @param quarantined rejected messages written to the quarantine
 */
public record WriteResult(int stored, int duplicates, int statuses, int quarantined) {
}

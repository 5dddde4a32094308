package fr.vigie.hub.insi;

/**
 * Where every INSi call is recorded, whatever its outcome. Implementations must be thread-safe and
 * must not throw: a failing audit store is reported by the store itself, never by failing the call
 * it records. {@link InMemoryInsiAudit} serves tests and the demo; a PostgreSQL one belongs with the
 * hub's audit log.
 */
@FunctionalInterface
public interface InsiAudit {
    void record(InsiAuditEntry entry);
}

package fr.vigie.hub.insi;

/**
 * Where every INSi call is recorded, whatever its outcome. Implementations must be thread-safe and
 * must not throw: a failing audit store is reported by the store itself, never by failing the call
 * it records. The hub records them in PostgreSQL ({@link InsiCallLog}); tests may keep them in memory.
 */
@FunctionalInterface
public interface InsiAudit {
    void record(InsiAuditEntry entry);
}

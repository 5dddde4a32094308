package fr.vigie.hub.insi;

import java.util.ArrayList;
import java.util.List;

/** An {@link InsiAudit} that keeps entries in memory, in call order. Thread-safe. */
public final class InMemoryInsiAudit implements InsiAudit {
    private final List<InsiAuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(InsiAuditEntry entry) {
        entries.add(entry);
    }

    /** A copy of the entries so far. */
    public synchronized List<InsiAuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The latest entry. */
    public synchronized InsiAuditEntry last() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("no INSi call was audited");
        }
        return entries.get(entries.size() - 1);
    }
}

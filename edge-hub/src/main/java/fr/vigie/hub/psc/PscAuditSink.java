package fr.vigie.hub.psc;

import java.util.ArrayList;
import java.util.List;

/** Where the gateway writes its audit facts. Implementations must be thread-safe. */
public interface PscAuditSink {
    void record(PscAuditRecord record);

    /** Keeps records in memory, for tests and the sandbox. Thread-safe. */
    final class InMemory implements PscAuditSink {
        private final List<PscAuditRecord> records = new ArrayList<>();

        @Override
        public synchronized void record(PscAuditRecord record) {
            records.add(record);
        }

        /** A copy of what was recorded, oldest first. */
        public synchronized List<PscAuditRecord> records() {
            return List.copyOf(records);
        }
    }
}

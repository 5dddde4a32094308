package fr.vigie.hub.admission;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission steps into the hub's hash-chained {@link AuditLog}: actor {@code kiosk:{site}/{id}}, the
 * step as action code, subject {@code identity:{recordId}} (or {@code identity:none}), details the
 * agent's idNat_PS and the outcome. A failing append is logged, never thrown. Thread-safe.
 */
public final class AuditLogAdmissionAudit implements AdmissionAudit {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogAdmissionAudit.class);
    private final AuditLog log;

    public AuditLogAdmissionAudit(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(Entry entry) {
        try {
            log.append(new AuditEntry(entry.actor(), entry.action(),
                    "identity:" + (entry.recordId() == null ? "none" : entry.recordId()),
                    Map.of("agent", entry.agent(), "outcome", entry.outcome())));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("audit of {} could not be written: {}", entry.message(), e.toString());
        }
    }
}

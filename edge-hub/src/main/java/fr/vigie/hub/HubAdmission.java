package fr.vigie.hub;

import fr.vigie.hub.admission.AdmissionAudit;
import fr.vigie.hub.admission.AdmissionService;
import fr.vigie.hub.admission.AuditLogAdmissionAudit;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.sandbox.HubSandbox;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Wires the admission service: on a sandbox hub, the sandbox INSi client (mutual TLS, establishment
 * certificate {@code INSI-AUTO}) and the sandbox ApCV key; otherwise no INSi gateway and no ApCV key
 * are configured yet, and those steps answer {@code INSI_UNAVAILABLE} and {@code APCV_NOT_CONFIGURED}.
 */
final class HubAdmission {
    private HubAdmission() {
    }

    static AdmissionService create(IdentityRegistry registry, DataSource dataSource, AuditLog log, HubSandbox sandbox,
            Clock clock) {
        AdmissionAudit audit = new AuditLogAdmissionAudit(log);
        if (sandbox == null) {
            return new AdmissionService(registry, dataSource, null, Optional.empty(), audit, clock);
        }
        return new AdmissionService(registry, dataSource, sandbox.insi().client(), Optional.of(sandbox.apcv().trust()),
                audit, clock);
    }
}

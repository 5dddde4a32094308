package fr.vigie.hub;

import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.psc.kiosk.KioskPsc;
import fr.vigie.hub.sso.SingleSignOn;
import fr.vigie.hub.staff.StaffDirectory;

/**
 * Test fixture: the services inside a running hub, for tests that set up or check what the public API,
 * REST or the device API do not reach directly (an agent proven in process, the audit log read after an
 * action; the identity registry and the admission service are {@link EdgeHub#identities()} and
 * {@link EdgeHub#admission()}). In test scope only, shared through the edge-hub test-jar; production code has no way in
 * (the hub's parts are package-private).
 *
 * <pre>{@code
 * import static fr.vigie.hub.HubServicesFixture.provenAgents;
 * provenAgents(hub).roles().set(kiosk, DeviceRole.ADMISSION_DESK, "it-test");
 * }</pre>
 */
public final class HubServicesFixture {
    private HubServicesFixture() {
    }

    /** IT staff accounts, sessions and API tokens. */
    public static StaffDirectory staffDirectory(EdgeHub hub) {
        return hub.registries().staff;
    }

    /** The hash-chained audit log. */
    public static AuditLog auditLog(EdgeHub hub) {
        return hub.registries().audit;
    }

    /** The signed audit chain heads exported outside the database. */
    public static AuditAnchor auditAnchor(EdgeHub hub) {
        return hub.registries().auditAnchor;
    }

    /** Who acts at each admission desk, and the kiosks' roles. */
    public static ProvenAgents provenAgents(EdgeHub hub) {
        return hub.kiosks().agents;
    }


    /** Single sign-on: the OpenID Provider's clients, keys and issuer. */
    public static SingleSignOn singleSignOn(EdgeHub hub) {
        return hub.kiosks().sso;
    }

    /** Kiosk sign-ins through Pro Santé Connect (CIBA). */
    public static KioskPsc kioskPsc(EdgeHub hub) {
        return hub.kiosks().psc;
    }
}

package fr.vigie.hub.admission;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import java.util.Objects;

/**
 * Who asks for an admission step: the kiosk (from its device certificate, so it can only be itself)
 * and the agent proven at it ({@link fr.vigie.hub.agent.ProvenAgents#require}: never an idNat_PS a request
 * names; {@link AdmissionDeviceRoutes} builds callers only from the binding). Both go to the audit with
 * every step. Immutable.
 *
 * @param kiosk the calling kiosk
 * @param agent the proven agent's idNat_PS
 */
public record AdmissionCaller(KioskAddress kiosk, IdNatPs agent) {
    public AdmissionCaller {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(agent, "agent");
    }

    /** The operator recorded on identity records: the agent. */
    public String operator() {
        return agent.value();
    }

    /** The audit actor: {@code kiosk:{site}/{id}}. */
    public String actor() {
        return "kiosk:" + kiosk;
    }
}

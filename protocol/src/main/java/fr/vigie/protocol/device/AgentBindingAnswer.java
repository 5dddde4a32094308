package fr.vigie.protocol.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link AgentApi#PROOF} and {@link AgentApi#PSC_PROOF}: the agent the hub bound to the kiosk
 * session, until {@code expiresAt} at the latest. Immutable.
 *
 * @param agent the agent's idNat_PS, as the hub read it from the proof
 */
public record AgentBindingAnswer(String agent, ProofMethod method, String kioskSessionId, Instant expiresAt) {
    public AgentBindingAnswer {
        Fields.text("agent", agent, 64);
        Objects.requireNonNull(method, "method is required");
        Fields.kioskSessionId(kioskSessionId);
        Objects.requireNonNull(expiresAt, "expiresAt is required");
    }
}

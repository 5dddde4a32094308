package fr.vigie.hub.agent;

import fr.vigie.protocol.device.ProofMethod;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent proven at a kiosk: who (the idNat_PS of a validated card certificate, or of a Pro Santé
 * Connect sign-in bound to the kiosk session), at which kiosk and kiosk session, how, and until when at
 * the latest. The hub names the agent of an admission step from it, never from the request. Immutable.
 *
 * @param kiosk the kiosk (from its device certificate)
 * @param kioskSessionId the kiosk's clinician session the proof was made for
 * @param agent the proven agent
 * @param method how the agent was proven: {@code CARD} (the agent's CPS card, PIN verified, signed a hub nonce
 *     and its certificate passed IGC-Santé) or {@code PSC} (the kiosk session's Pro Santé Connect sign-in is
 *     bound on the hub, {@code SubjectNameID} matched)
 * @param certificateSerial the card certificate's serial (hex) for {@code CARD}
 * @param boundAt when the proof was accepted
 * @param expiresAt when the binding ends if the kiosk has not ended it before (lock, close)
 */
public record AgentBinding(KioskAddress kiosk, String kioskSessionId, IdNatPs agent, ProofMethod method,
        Optional<String> certificateSerial, Instant boundAt, Instant expiresAt) {

    public AgentBinding {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(kioskSessionId, "kioskSessionId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(certificateSerial, "certificateSerial");
        Objects.requireNonNull(boundAt, "boundAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

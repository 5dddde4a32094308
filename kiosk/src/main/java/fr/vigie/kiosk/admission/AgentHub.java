package fr.vigie.kiosk.admission;

import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.CardSignature;
import fr.vigie.protocol.device.EndReason;
import fr.vigie.protocol.device.ProofMethod;
import java.time.Instant;
import java.util.Objects;

/**
 * The hub's side of the agent proof, as {@link AgentProof} uses it: {@link HubAgentClient} over the device
 * API in production (routes and codes in {@link fr.vigie.protocol.device.AgentApi}). Refusals are
 * {@link HubApiException}s with the hub's {@link fr.vigie.protocol.device.AgentError} ({@code NOT_AN_ADMISSION_DESK},
 * {@code AGENT_CERT_REVOKED}…).
 */
public interface AgentHub {
    /** A nonce the hub issued for the card of kiosk session {@code kioskSessionId} to sign. */
    record Nonce(byte[] value, Instant expiresAt) {
        public Nonce {
            value = Objects.requireNonNull(value, "value").clone();
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** The agent the hub bound to the kiosk session, until {@code expiresAt} at the latest. */
    record Proven(String agent, ProofMethod method, String kioskSessionId, Instant expiresAt) {
        public Proven {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(kioskSessionId, "kioskSessionId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Asks for a one-time nonce for the session's card to sign. */
    Nonce nonce(String kioskSessionId) throws HubApiException;

    /** Presents the card's signature over {@code nonce}; the hub binds the agent its certificate names. */
    Proven proveWithCard(byte[] nonce, CardSignature signature) throws HubApiException;

    /** Asks the hub to bind the professional of the session's Pro Santé Connect sign-in {@code cibaRequestId}. */
    Proven proveThroughPsc(String kioskSessionId, String cibaRequestId) throws HubApiException;

    /** The kiosk session locked or closed: its binding ends. */
    void end(String kioskSessionId, EndReason reason) throws HubApiException;
}

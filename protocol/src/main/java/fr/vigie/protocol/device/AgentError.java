package fr.vigie.protocol.device;

import java.util.Optional;

/**
 * Codes of the agent-proof routes ({@link AgentApi}) and of the routes that need a proven agent
 * ({@link AdmissionApi}). A card certificate the hub does not accept is refused with {@code AGENT_} and
 * the IGC-Santé check's code ({@link #certificateRefusal}).
 */
public enum AgentError implements DeviceError {
    /** The hub does not know the calling kiosk as an admission desk (IT declares them). */
    NOT_AN_ADMISSION_DESK(403),
    /** No agent is proven at the calling kiosk now (never proven, locked, closed, expired). */
    AGENT_NOT_PROVEN(403),
    /** The request names its agent itself; the agent is the one proven, never claimed. */
    AGENT_CLAIM_REFUSED(400),
    /** The proof request is not the JSON the route takes (fields, base64, DER). */
    AGENT_PROOF_INVALID(400),
    /** The hub never issued this nonce (or forgot it long after it expired). */
    AGENT_NONCE_UNKNOWN(403),
    /** This nonce was already presented once (whatever the outcome), or its session ended. */
    AGENT_NONCE_REPLAYED(403),
    /** This nonce is past its short lifetime. */
    AGENT_NONCE_EXPIRED(403),
    /** This nonce was issued to another kiosk. */
    AGENT_NONCE_OTHER_KIOSK(403),
    /** The kiosk holds too many unused nonces. */
    AGENT_NONCE_TOO_MANY(429),
    /** The signature does not verify with the certificate presented (another card signed, or garbage). */
    AGENT_SIGNATURE_INVALID(403),
    /** No Pro Santé Connect sign-in of the kiosk session is bound on the hub (or PSC is not configured). */
    AGENT_PSC_NOT_BOUND(403),
    /** The card certificate cannot be read. */
    AGENT_CERT_MALFORMED(403),
    /** The card certificate has expired. */
    AGENT_CERT_EXPIRED(403),
    /** The card certificate is not valid yet. */
    AGENT_CERT_NOT_YET_VALID(403),
    /** The card certificate was issued by an unexpected CA. */
    AGENT_CERT_FOREIGN_CA(403),
    /** The card certificate chains to no IGC-Santé root the hub trusts. */
    AGENT_CERT_UNTRUSTED_ISSUER(403),
    /** The card is revoked. */
    AGENT_CERT_REVOKED(403),
    /** The certificate is not a card authentication certificate. */
    AGENT_CERT_WRONG_USAGE(403),
    /** The certificate's subject names no professional. */
    AGENT_CERT_SUBJECT_INVALID(403),
    /** The certificate does not match the key. */
    AGENT_CERT_KEY_MISMATCH(403),
    /** The chain presented is broken. */
    AGENT_CERT_CHAIN_INVALID(403),
    /** The hub's CRL of the card's CA is out of date. */
    AGENT_CRL_STALE(403),
    /** The hub has no CRL for the card's CA. */
    AGENT_CRL_MISSING(403),
    /** The hub's CRL of the card's CA is not valid. */
    AGENT_CRL_INVALID(403);

    private static final String CERTIFICATE_PREFIX = "AGENT_";
    private final int status;

    AgentError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    /**
     * The refusal of a card certificate that failed the IGC-Santé check with {@code checkCode}, e.g.
     * {@code CERT_REVOKED} → {@link #AGENT_CERT_REVOKED}; empty when the check code is not a certificate
     * or CRL code.
     */
    public static Optional<AgentError> certificateRefusal(String checkCode) {
        if (!checkCode.startsWith("CERT_") && !checkCode.startsWith("CRL_")) {
            return Optional.empty();
        }
        for (AgentError e : values()) {
            if (e.name().equals(CERTIFICATE_PREFIX + checkCode)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

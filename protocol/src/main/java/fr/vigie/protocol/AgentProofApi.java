package fr.vigie.protocol;

/**
 * The device API routes by which a kiosk proves to the hub who acts at it (the agent), and the stable
 * codes of their refusals and of the routes that need a proven agent. The hub serves them; the kiosk
 * calls them and puts the codes in words. Only kiosks the hub knows as admission desks may prove an
 * agent; the hub, never the request, then names the agent of every admission step.
 *
 * <pre>
 * POST {@value #NONCE}      {kioskSessionId}  → 201 {nonce: base64 of {@value #NONCE_BYTES} bytes, expiresAt}
 * POST {@value #PROOF}      {nonce, signature, certificate, chain?: [..]}   (base64; certificates DER)
 *                                            → 200 {agent, method: CARD, kioskSessionId, expiresAt}
 * POST {@value #PSC_PROOF}  {kioskSessionId, cibaRequestId}  → 200 {agent, method: PSC, kioskSessionId, expiresAt}
 * POST {@value #END}        {kioskSessionId, reason: LOCKED | CLOSED}  → 204
 * </pre>
 *
 * <p>The signature is what a CPS card's INTERNAL AUTHENTICATE answers (authentication key, after MSE
 * SET): PKCS#1 v1.5 over the nonce bytes themselves, no digest added. {@code certificate} is the card's
 * authentication certificate, {@code chain} the intermediate CAs the kiosk knows for it (the hub trusts
 * only its own anchors). Immutable constants.
 */
public final class AgentProofApi {
    /** Asks for a one-time nonce for the agent's card to sign. */
    public static final String NONCE = "/device/v1/agent/nonce";
    /** Presents the card's signature over the nonce; binds the agent to the kiosk session. */
    public static final String PROOF = "/device/v1/agent/proof";
    /** Binds the agent whose Pro Santé Connect sign-in is bound to the kiosk session. */
    public static final String PSC_PROOF = "/device/v1/agent/proof/psc";
    /** The kiosk session locked or closed: the binding ends. */
    public static final String END = "/device/v1/agent/end";
    /** Length of a nonce: within the 16 to 64 bytes a CPS INTERNAL AUTHENTICATE takes. */
    public static final int NONCE_BYTES = 32;

    /** 403: the hub does not know the calling kiosk as an admission desk (IT declares them). */
    public static final String NOT_AN_ADMISSION_DESK = "NOT_AN_ADMISSION_DESK";
    /** 403: no agent is proven at the calling kiosk now (never proven, locked, closed, expired). */
    public static final String AGENT_NOT_PROVEN = "AGENT_NOT_PROVEN";
    /** 400: the request names its agent itself; the agent is the one proven, never claimed. */
    public static final String AGENT_CLAIM_REFUSED = "AGENT_CLAIM_REFUSED";
    /** 400: the proof request is not the JSON the route takes (fields, base64, DER). */
    public static final String AGENT_PROOF_INVALID = "AGENT_PROOF_INVALID";
    /** 403: the hub never issued this nonce (or forgot it long after it expired). */
    public static final String AGENT_NONCE_UNKNOWN = "AGENT_NONCE_UNKNOWN";
    /** 403: this nonce was already presented once (whatever the outcome), or its session ended. */
    public static final String AGENT_NONCE_REPLAYED = "AGENT_NONCE_REPLAYED";
    /** 403: this nonce is past its short lifetime. */
    public static final String AGENT_NONCE_EXPIRED = "AGENT_NONCE_EXPIRED";
    /** 403: this nonce was issued to another kiosk. */
    public static final String AGENT_NONCE_OTHER_KIOSK = "AGENT_NONCE_OTHER_KIOSK";
    /** 429: the kiosk holds too many unused nonces. */
    public static final String AGENT_NONCE_TOO_MANY = "AGENT_NONCE_TOO_MANY";
    /** 403: the signature does not verify with the certificate presented (another card signed, or garbage). */
    public static final String AGENT_SIGNATURE_INVALID = "AGENT_SIGNATURE_INVALID";
    /**
     * Prefix of the certificate refusals (403): {@code AGENT_} + the IGC-Santé check's code, e.g.
     * {@code AGENT_CERT_REVOKED}, {@code AGENT_CERT_EXPIRED}, {@code AGENT_CERT_UNTRUSTED_ISSUER},
     * {@code AGENT_CRL_MISSING}, {@code AGENT_CRL_STALE}.
     */
    public static final String CERTIFICATE_REFUSAL_PREFIX = "AGENT_";
    /** 403: no Pro Santé Connect sign-in of the kiosk session is bound on the hub (or PSC is not configured). */
    public static final String AGENT_PSC_NOT_BOUND = "AGENT_PSC_NOT_BOUND";

    private AgentProofApi() {
    }

    /** The certificate refusal code for an IGC-Santé check code such as {@code CERT_REVOKED}. */
    public static String certificateRefusal(String checkCode) {
        return CERTIFICATE_REFUSAL_PREFIX + checkCode;
    }
}

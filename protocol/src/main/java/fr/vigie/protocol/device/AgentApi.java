package fr.vigie.protocol.device;

/**
 * The device API routes by which a kiosk proves to the hub who acts at it (the agent). The hub serves them;
 * the kiosk calls them and puts the {@link AgentError} codes in words. Only kiosks the hub knows as admission
 * desks may prove an agent; the hub, never the request, then names the agent of every admission step.
 * Bodies that are not the route's JSON are refused {@link AgentError#AGENT_PROOF_INVALID}.
 *
 * <pre>
 * POST /device/v1/agent/nonce      {@link NonceRequest}     → 201 {@link NonceAnswer}
 * POST /device/v1/agent/proof      {@link CardProofRequest} → 200 {@link AgentBindingAnswer} (method CARD)
 * POST /device/v1/agent/proof/psc  {@link PscProofRequest}  → 200 {@link AgentBindingAnswer} (method PSC)
 * POST /device/v1/agent/end        {@link EndRequest}       → 204
 * </pre>
 *
 * <p>The signature is what a CPS card's INTERNAL AUTHENTICATE answers (authentication key, after MSE SET):
 * PKCS#1 v1.5 over the nonce bytes themselves, no digest added.
 */
public final class AgentApi {
    /** Asks for a one-time nonce for the agent's card to sign. */
    public static final DeviceRoute<NonceRequest, NonceAnswer> NONCE = DeviceRoute.post("/device/v1/agent/nonce",
            NonceRequest.class, NonceAnswer.class, 201, AgentError.AGENT_PROOF_INVALID);
    /** Presents the card's signature over the nonce; binds the agent to the kiosk session. */
    public static final DeviceRoute<CardProofRequest, AgentBindingAnswer> PROOF = DeviceRoute.post(
            "/device/v1/agent/proof", CardProofRequest.class, AgentBindingAnswer.class, 200,
            AgentError.AGENT_PROOF_INVALID);
    /** Binds the agent whose Pro Santé Connect sign-in is bound to the kiosk session. */
    public static final DeviceRoute<PscProofRequest, AgentBindingAnswer> PSC_PROOF = DeviceRoute.post(
            "/device/v1/agent/proof/psc", PscProofRequest.class, AgentBindingAnswer.class, 200,
            AgentError.AGENT_PROOF_INVALID);
    /** The kiosk session locked or closed: the binding ends. */
    public static final DeviceRoute<EndRequest, Void> END = DeviceRoute.post("/device/v1/agent/end",
            EndRequest.class, Void.class, 204, AgentError.AGENT_PROOF_INVALID);
    /** Length of a nonce: within the 16 to 64 bytes a CPS INTERNAL AUTHENTICATE takes. */
    public static final int NONCE_BYTES = 32;

    private AgentApi() {
    }
}

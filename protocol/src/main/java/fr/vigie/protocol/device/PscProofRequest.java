package fr.vigie.protocol.device;

/**
 * The body of {@link AgentApi#PSC_PROOF}: the kiosk session and its Pro Santé Connect sign-in (the CIBA
 * request id the hub gave). Immutable.
 */
public record PscProofRequest(String kioskSessionId, String cibaRequestId) {
    public PscProofRequest {
        Fields.kioskSessionId(kioskSessionId);
        Fields.text("cibaRequestId", cibaRequestId, 128);
    }
}

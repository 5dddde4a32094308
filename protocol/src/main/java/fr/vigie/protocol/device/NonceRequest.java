package fr.vigie.protocol.device;

/** The body of {@link AgentApi#NONCE}: the kiosk session whose agent's card will sign. Immutable. */
public record NonceRequest(String kioskSessionId) {
    public NonceRequest {
        Fields.kioskSessionId(kioskSessionId);
    }
}

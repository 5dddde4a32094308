package fr.vigie.protocol.device;

import java.util.Objects;

/** The body of {@link AgentApi#END}: the kiosk session locked or closed. Immutable. */
public record EndRequest(String kioskSessionId, EndReason reason) {
    public EndRequest {
        Fields.kioskSessionId(kioskSessionId);
        Objects.requireNonNull(reason, "reason is required");
    }
}

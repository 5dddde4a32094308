package fr.vigie.protocol.device;

import java.util.Objects;

/**
 * The body of {@link CibaApi#START}: who to sign in, on which channel, for which kiosk session. Immutable.
 *
 * @param idNatPs the professional's national identifier (RPPS with its prefix, or ADELI); the hub checks it
 */
public record CibaStartRequest(String idNatPs, CibaChannel channel, String kioskSessionId) {
    public CibaStartRequest {
        Fields.text("idNatPs", idNatPs, 64);
        Objects.requireNonNull(channel, "channel is required");
        Fields.kioskSessionId(kioskSessionId);
    }
}

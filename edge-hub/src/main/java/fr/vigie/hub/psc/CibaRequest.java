package fr.vigie.hub.psc;

import fr.vigie.protocol.identity.IdNatPs;
import java.time.Duration;
import java.time.Instant;

/**
 * A CIBA request PSC accepted, awaiting the professional's approval. The kiosk shows
 * {@link #bindingMessage()}; the gateway polls with {@link #authReqId()}, which never leaves the
 * hub and is not printed by {@code toString()}. Immutable.
 *
 * @param authReqId PSC's {@code auth_req_id}
 * @param bindingMessage the two digits shown on the kiosk and the phone
 * @param expiresIn the request's lifetime as PSC gave it
 * @param interval the least time between polls as PSC gave it
 * @param loginHint the idNat_PS the request is for
 * @param channel card or mobile
 * @param expiresAt when the request expires, by the gateway's clock
 */
public record CibaRequest(String authReqId, String bindingMessage, Duration expiresIn, Duration interval,
        IdNatPs loginHint, CibaChannel channel, Instant expiresAt) {
    @Override
    public String toString() {
        return "CibaRequest[loginHint=" + loginHint + ", channel=" + channel + ", bindingMessage=" + bindingMessage
                + ", expiresIn=" + expiresIn + ", interval=" + interval + "]";
    }
}

package fr.vigie.hub.psc.kiosk;

import java.time.Duration;
import java.time.Instant;

/**
 * A CIBA sign-in the hub started for a kiosk. The request id is the hub's own handle (PSC's
 * {@code auth_req_id} never leaves the hub). Immutable.
 *
 * @param requestId what the kiosk polls with
 * @param bindingMessage the two digits the kiosk shows, the same as on the phone
 * @param interval the least time between the kiosk's polls
 * @param expiresAt when the request expires unless approved
 */
public record CibaStarted(String requestId, String bindingMessage, Duration interval, Instant expiresAt) {
}

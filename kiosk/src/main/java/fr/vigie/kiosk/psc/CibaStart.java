package fr.vigie.kiosk.psc;

import java.time.Duration;
import java.time.Instant;

/**
 * A CIBA sign-in the hub started. Immutable.
 *
 * @param requestId the hub's handle, to poll with
 * @param bindingMessage the two digits to show, the same as on the phone
 * @param interval the least time between polls
 * @param expiresAt when the request expires unless approved
 */
public record CibaStart(String requestId, String bindingMessage, Duration interval, Instant expiresAt) {
}

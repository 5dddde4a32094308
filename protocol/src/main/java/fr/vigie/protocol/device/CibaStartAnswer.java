package fr.vigie.protocol.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link CibaApi#START}: the sign-in the hub started. PSC's own request id never leaves the
 * hub. Immutable.
 *
 * @param requestId the hub's handle, to poll with
 * @param bindingMessage the two digits the kiosk shows, the same as on the phone
 * @param interval the least time between polls, in seconds
 * @param expiresAt when the request expires unless approved
 */
public record CibaStartAnswer(String requestId, String bindingMessage, long interval, Instant expiresAt) {
    public CibaStartAnswer {
        Fields.text("requestId", requestId, 128);
        Fields.text("bindingMessage", bindingMessage, 64);
        if (interval < 0) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        Objects.requireNonNull(expiresAt, "expiresAt is required");
    }

    /** The least time between polls. */
    public Duration pollInterval() {
        return Duration.ofSeconds(interval);
    }
}

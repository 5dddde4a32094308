package fr.vigie.protocol.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link SsoApi#TICKET}: a one-time ticket the kiosk's browser presents to the hub's
 * authorization endpoint as {@code login_hint_token} before {@code expiresAt}. It is a bearer secret: never
 * logged, never stored by the kiosk. Immutable.
 *
 * @param ticket the ticket
 * @param expiresAt when it can no longer be presented
 * @param authorizationEndpoint the OpenID Provider's authorization endpoint
 */
public record SsoTicketAnswer(String ticket, Instant expiresAt, String authorizationEndpoint) {
    public SsoTicketAnswer {
        Fields.text("ticket", ticket, 128);
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Fields.text("authorizationEndpoint", authorizationEndpoint, 512);
    }

    @Override
    public String toString() {
        return "SsoTicketAnswer[ticket redacted, expiresAt=" + expiresAt + ", authorizationEndpoint="
                + authorizationEndpoint + "]";
    }
}

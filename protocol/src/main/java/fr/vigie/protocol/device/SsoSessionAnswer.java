package fr.vigie.protocol.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link SsoApi#CARD_SESSION} and {@link SsoApi#PSC_SESSION}: the SSO session the hub opened for
 * the kiosk session. Immutable.
 *
 * @param professional the clinician's idNat_PS (the ID tokens' subject)
 * @param kioskSessionId the kiosk session it belongs to
 * @param acr the authentication level applications see in the ID token's {@code acr}
 * @param expiresAt when the SSO session ends at the latest if the kiosk has not ended it
 */
public record SsoSessionAnswer(String professional, String kioskSessionId, String acr, Instant expiresAt) {
    public SsoSessionAnswer {
        Fields.text("professional", professional, 64);
        Fields.kioskSessionId(kioskSessionId);
        Fields.text("acr", acr, 128);
        Objects.requireNonNull(expiresAt, "expiresAt is required");
    }
}

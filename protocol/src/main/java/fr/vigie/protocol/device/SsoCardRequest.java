package fr.vigie.protocol.device;

import java.util.Objects;

/**
 * The body of {@link SsoApi#CARD_SESSION}: the clinician's card's signature over an SSO nonce, and how the
 * card was read. Immutable.
 *
 * @param proof the card's answer over the nonce, with its authentication certificate
 * @param factor {@code CARD_PIN} (contact, PIN verified by the card) or {@code CONTACTLESS_TAP} (no PIN: only
 *     accepted inside the hub's re-authentication window after a card + PIN sign-in of the same clinician)
 */
public record SsoCardRequest(CardProofRequest proof, SsoFactor factor) {
    public SsoCardRequest {
        Objects.requireNonNull(proof, "proof is required");
        Objects.requireNonNull(factor, "factor is required");
    }
}

package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@link SsoApi#CARD_SESSION}: the clinician's card's signature over an SSO nonce, how the card was
 * read, and the exercice the kiosk read from the card. Immutable.
 *
 * @param proof the card's answer over the nonce, with its authentication certificate
 * @param factor {@code CARD_PIN} (contact, PIN verified by the card) or {@code CONTACTLESS_TAP} (no PIN: only
 *     accepted inside the hub's re-authentication window after a card + PIN sign-in of the same clinician)
 * @param exercice the exercice (profession, site) the kiosk read from the card, when it read one; the ID tokens
 *     carry it as read by the enrolled kiosk
 */
public record SsoCardRequest(CardProofRequest proof, SsoFactor factor, Optional<SsoExercice> exercice) {
    public SsoCardRequest {
        Objects.requireNonNull(proof, "proof is required");
        Objects.requireNonNull(factor, "factor is required");
        exercice = Fields.optional(exercice);
    }

    /** A request without an exercice (the kiosk read none). */
    public SsoCardRequest(CardProofRequest proof, SsoFactor factor) {
        this(proof, factor, Optional.empty());
    }
}

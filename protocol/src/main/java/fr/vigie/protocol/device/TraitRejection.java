package fr.vigie.protocol.device;

import fr.vigie.protocol.identity.IdentityError;
import java.util.Objects;

/**
 * A trait the hub refused before calling INSi, in a {@link Refusal}. Immutable.
 *
 * @param trait the trait's label, e.g. {@code NomNaissance} ({@link fr.vigie.protocol.identity.Trait#label()})
 * @param code why, e.g. {@code TRAIT_FORBIDDEN_CHARACTER}
 * @param reason the same in words, without the value
 */
public record TraitRejection(String trait, IdentityError code, String reason) {
    public TraitRejection {
        Objects.requireNonNull(trait, "trait is required");
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(reason, "reason is required");
    }
}

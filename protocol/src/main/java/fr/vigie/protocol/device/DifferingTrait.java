package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * A strict trait on which the record's identity and the one returned differ. Immutable.
 *
 * @param trait the trait's label, e.g. {@code NomNaissance}
 * @param local what the record held, if anything
 * @param returned what came back, if anything
 */
public record DifferingTrait(String trait, Optional<String> local, Optional<String> returned) {
    public DifferingTrait {
        Objects.requireNonNull(trait, "trait is required");
        local = Fields.optional(local);
        returned = Fields.optional(returned);
    }
}

package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The strict traits of one side of a {@link ComparedIdentities}, as text. Immutable.
 *
 * @param insMasked the masked INS returned (on the returned side only)
 */
public record ComparedTraits(String nomNaissance, String listePrenom, String sexe, String dateNaissance,
        Optional<String> lieuNaissance, Optional<String> insMasked) {
    public ComparedTraits {
        Objects.requireNonNull(nomNaissance, "nomNaissance is required");
        Objects.requireNonNull(listePrenom, "listePrenom is required");
        Objects.requireNonNull(sexe, "sexe is required");
        Objects.requireNonNull(dateNaissance, "dateNaissance is required");
        lieuNaissance = Fields.optional(lieuNaissance);
        insMasked = Fields.optional(insMasked);
    }
}

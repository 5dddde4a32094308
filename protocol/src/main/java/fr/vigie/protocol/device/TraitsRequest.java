package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@link AdmissionApi#TRAITS}: strict traits typed at the desk (the hub checks them again and
 * asks INSi with the first given name, then the full list). Immutable.
 *
 * @param recordId the record the search is for; without it the record holding the INS found is used, or a
 *     new one made
 */
public record TraitsRequest(Optional<Long> recordId, String nomNaissance, String listePrenom, String sexe,
        String dateNaissance, Optional<String> lieuNaissance, Optional<String> nomUtilise,
        Optional<String> prenomUtilise) {

    public TraitsRequest {
        recordId = AdmissionApi.recordId(recordId);
        Objects.requireNonNull(nomNaissance, "nomNaissance is required");
        Objects.requireNonNull(listePrenom, "listePrenom is required");
        Objects.requireNonNull(sexe, "sexe is required");
        Objects.requireNonNull(dateNaissance, "dateNaissance is required");
        lieuNaissance = Fields.optional(lieuNaissance);
        nomUtilise = Fields.optional(nomUtilise);
        prenomUtilise = Fields.optional(prenomUtilise);
    }

    @Override
    public String toString() {
        return "TraitsRequest[record " + recordId.map(String::valueOf).orElse("new") + "]";
    }
}

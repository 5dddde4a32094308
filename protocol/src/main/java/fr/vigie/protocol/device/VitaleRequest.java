package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@link AdmissionApi#VITALE}: a beneficiary read from a Vitale card. Immutable;
 * {@link #toString()} shows no NIR.
 *
 * @param recordId the record the search is for, if any
 * @param matriculeIndividu the beneficiary's NIR (the insured's when the card has none for them)
 * @param matriculeOd the insured's NIR (ouvrant droit)
 * @param nomNaissance the beneficiary's name in the INSi alphabet
 * @param dateNaissance {@code YYYY-MM-DD}
 * @param rang the beneficiary's rank (birth order among twins); 1 when absent
 */
public record VitaleRequest(Optional<Long> recordId, String matriculeIndividu, String matriculeOd,
        String nomNaissance, String dateNaissance, Optional<Integer> rang) {

    public VitaleRequest {
        recordId = AdmissionApi.recordId(recordId);
        Objects.requireNonNull(matriculeIndividu, "matriculeIndividu is required");
        Objects.requireNonNull(matriculeOd, "matriculeOd is required");
        Objects.requireNonNull(nomNaissance, "nomNaissance is required");
        Objects.requireNonNull(dateNaissance, "dateNaissance is required");
        rang = Fields.optional(rang);
    }

    @Override
    public String toString() {
        return "VitaleRequest[record " + recordId.map(String::valueOf).orElse("new") + "]";
    }
}

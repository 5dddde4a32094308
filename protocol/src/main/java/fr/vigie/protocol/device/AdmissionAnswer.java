package fr.vigie.protocol.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of an admission step that found the identity ({@link AdmissionApi}). Immutable.
 *
 * @param source how the identity was obtained
 * @param identity the record as saved (RECUP after INSi, QUAL after the ApCV or a document check)
 * @param differences the strict traits that differed from the local ones
 * @param flagsRaised how many duplicate or collision flags this save raised
 * @param insiSteps the INSi calls made, in order (empty without INSi)
 * @param matchedQuery which INSi query found the identity, when INSi did
 */
public record AdmissionAnswer(IdentitySource source, AdmittedIdentity identity, List<DifferingTrait> differences,
        int flagsRaised, List<InsiStep> insiSteps, Optional<InsiQuery> matchedQuery) {

    public AdmissionAnswer {
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(identity, "identity is required");
        differences = Fields.list("differences", differences);
        if (flagsRaised < 0) {
            throw new IllegalArgumentException("flagsRaised must not be negative, got " + flagsRaised);
        }
        insiSteps = Fields.list("insiSteps", insiSteps);
        matchedQuery = Fields.optional(matchedQuery);
    }
}

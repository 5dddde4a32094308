package fr.vigie.hub.admission;

import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.hub.insi.InsiSearch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admission step that found the identity: the record as saved (RECUP after INSi, QUAL after the
 * ApCV or a document check), the differences between the local traits and those returned, the
 * vigilance flags the save raised, and, for INSi searches, the calls made. Immutable.
 *
 * @param source how the identity was obtained
 * @param record the saved record
 * @param differences strict traits that differed from the local ones (empty when none, or no local traits)
 * @param flagsRaised duplicate or collision flags raised by this save
 * @param insiSteps the INSi calls of a typed-traits search, in order (empty otherwise; see
 *     {@link #matchedQuery()})
 */
public record AdmissionResult(IdentitySource source, IdentityRecord record, List<TraitDifference> differences,
        List<VigilanceFlag> flagsRaised, List<InsiSearch.Step> insiSteps) {

    public AdmissionResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        differences = List.copyOf(differences);
        flagsRaised = List.copyOf(flagsRaised);
        insiSteps = List.copyOf(insiSteps);
    }

    /**
     * Which INSi query found the identity: {@code VITALE} for the card, the step that answered
     * {@code 00} for typed traits ({@code PREMIER_PRENOM} or {@code FULL_LIST}); empty without INSi.
     */
    public Optional<InsiSearch.PrenomSent> matchedQuery() {
        if (source == IdentitySource.VITALE) {
            return Optional.of(InsiSearch.PrenomSent.VITALE);
        }
        return insiSteps.stream().filter(s -> s.codeCr().equals("00")).map(InsiSearch.Step::sent).findFirst();
    }
}

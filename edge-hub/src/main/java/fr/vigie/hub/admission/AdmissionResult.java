package fr.vigie.hub.admission;

import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.hub.insi.InsiSearch;
import java.util.List;
import java.util.Objects;

/**
 * An admission step that found the identity: the record as saved (RECUP after INSi, QUAL after the
 * ApCV or a document check), the differences between the local traits and those returned, the
 * vigilance flags the save raised, and, for INSi searches, the calls made. Immutable.
 *
 * @param source how the identity was obtained
 * @param record the saved record
 * @param differences strict traits that differed from the local ones (empty when none, or no local traits)
 * @param flagsRaised duplicate or collision flags raised by this save
 * @param insiSteps the INSi calls made, in order (empty for the ApCV and document checks)
 */
public record AdmissionResult(Source source, IdentityRecord record, List<TraitDifference> differences,
        List<VigilanceFlag> flagsRaised, List<InsiSearch.Step> insiSteps) {

    /** How the identity was obtained. */
    public enum Source { VITALE, TRAITS, APCV, DOCUMENT }

    public AdmissionResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        differences = List.copyOf(differences);
        flagsRaised = List.copyOf(flagsRaised);
        insiSteps = List.copyOf(insiSteps);
    }
}

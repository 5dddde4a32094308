package fr.vigie.kiosk.admission;

import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's identity as the hub answered an admission step. Immutable; {@link #toString()} shows
 * the record id and status only.
 *
 * @param recordId the hub's identity record id (what events name the patient by)
 * @param status the RNIV status now
 * @param traits the record's traits (INSi's or the ApCV's once retrieved)
 * @param maskedIns the masked INS, when the record has one
 * @param matricule the full matricule: the hub sends it for a QUAL identity only (for the DataMatrix)
 * @param oid the INS OID, when the record has one
 * @param document the high-trust document checked, when one was
 * @param differences strict traits on which the local ones and those returned differed
 * @param insiSteps the INSi calls the hub made ({@code PREMIER_PRENOM:02}, {@code FULL_LIST:00}…; a Vitale search is
 *        {@code VITALE:00})
 * @param source who returned the traits: INSi (typed traits, Vitale card), the ApCV, or a document check
 */
public record Admitted(long recordId, RnivStatus status, StrictTraits traits, Optional<String> maskedIns,
        Optional<String> matricule, Optional<InsOid> oid, Optional<String> document, List<Difference> differences,
        List<String> insiSteps, IdentitySource source) {

    /** A strict trait that differed: the label ({@code NomNaissance}…), what was known locally, what came back. */
    public record Difference(String trait, String local, String returned) {
    }

    public Admitted {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(source, "source");
        differences = List.copyOf(differences);
        insiSteps = List.copyOf(insiSteps);
    }

    /** Whether the traits came from the carte Vitale app rather than INSi. */
    public boolean fromApcv() {
        return source == IdentitySource.APCV;
    }

    @Override
    public String toString() {
        return "Admitted[" + recordId + ", " + status + "]";
    }
}

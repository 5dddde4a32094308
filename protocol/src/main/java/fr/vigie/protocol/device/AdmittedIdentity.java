package fr.vigie.protocol.device;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's identity record as an admission step saved it: its strict traits as text (in the INSi
 * alphabet, dates {@code YYYY-MM-DD}, birth place an INSEE code), its RNIV status, its INS and the
 * document checked. Immutable; {@link #toString()} shows the record id and status only.
 *
 * @param id the hub's identity record id (what events name the patient by)
 * @param status the RNIV status now
 * @param document the high-trust document last checked, when one was
 */
public record AdmittedIdentity(long id, RnivStatus status, String nomNaissance, String listePrenom, String sexe,
        String dateNaissance, Optional<String> lieuNaissance, Optional<String> nomUtilise,
        Optional<String> prenomUtilise, Optional<IdentityIns> ins, Optional<HighTrustDocument> document) {

    public AdmittedIdentity {
        Fields.positive("id", id);
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(nomNaissance, "nomNaissance is required");
        Objects.requireNonNull(listePrenom, "listePrenom is required");
        Objects.requireNonNull(sexe, "sexe is required");
        Objects.requireNonNull(dateNaissance, "dateNaissance is required");
        lieuNaissance = Fields.optional(lieuNaissance);
        nomUtilise = Fields.optional(nomUtilise);
        prenomUtilise = Fields.optional(prenomUtilise);
        ins = Fields.optional(ins);
        document = Fields.optional(document);
    }

    @Override
    public String toString() {
        return "AdmittedIdentity[" + id + ", " + status + "]";
    }
}

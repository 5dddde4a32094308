package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.Instant;
import java.util.Optional;

/**
 * One local identity record as stored. Immutable; {@link #toString()} shows the id and status only
 * ({@link InsMatricule} masks itself, {@link StrictTraits} shows no values).
 *
 * @param matricule the INS matricule, present once INSi or the ApCV gave one
 * @param document the high-trust document last checked, present while the status has the C axis
 */
public record IdentityRecord(long id, StrictTraits traits, Optional<InsMatricule> matricule, Optional<InsOid> oid,
        RnivState state, Optional<HighTrustDocument> document, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt) {

    @Override
    public String toString() {
        return "IdentityRecord[" + id + ", " + state.status() + "]";
    }
}

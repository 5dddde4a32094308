package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RNIV action on a record, with the INS it brings (INSI_RETRIEVED and APCV_QUALIFIED need one) and,
 * for INSi results, the older INS ({@code INSHISTO}). Immutable.
 */
public record RnivRequest(RnivAction action, Optional<InsMatricule> matricule, Optional<InsOid> oid,
        List<PastIns> history, String operator) {

    /** An older INS of the person, as INSi returns it in {@code INSHISTO}. */
    public record PastIns(InsMatricule matricule, InsOid oid, LocalDate validFrom, LocalDate validTo) {
    }

    public RnivRequest {
        Objects.requireNonNull(action, "action");
        history = List.copyOf(history);
    }

    /** An action that brings no INS. */
    public static RnivRequest of(RnivAction action, String operator) {
        return new RnivRequest(action, Optional.empty(), Optional.empty(), List.of(), operator);
    }

    /** An action that brings an INS. */
    public static RnivRequest withIns(RnivAction action, InsMatricule matricule, InsOid oid, String operator) {
        return new RnivRequest(action, Optional.of(matricule), Optional.of(oid), List.of(), operator);
    }
}

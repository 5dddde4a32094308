package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * A record's INS as an admission answer carries it. The full matricule travels only for a qualified
 * identity (the INS may only be transmitted once qualified), so that the kiosk can print its
 * DataMatrix; otherwise only the masked one. Immutable; {@link #toString()} never shows the matricule.
 *
 * @param matricule the full matricule, for a QUAL identity only
 * @param masked the masked matricule
 * @param oid the INS OID, when known
 */
public record IdentityIns(Optional<String> matricule, String masked, Optional<String> oid) {
    public IdentityIns {
        matricule = Fields.optional(matricule);
        Objects.requireNonNull(masked, "masked is required");
        oid = Fields.optional(oid);
    }

    @Override
    public String toString() {
        return "IdentityIns[" + masked + "]";
    }
}

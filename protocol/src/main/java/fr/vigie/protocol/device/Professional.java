package fr.vigie.protocol.device;

import java.util.Objects;

/** The professional a bound CIBA sign-in belongs to, as PSC's userinfo names them. Immutable. */
public record Professional(String idNatPs, String givenName, String familyName) {
    public Professional {
        Fields.text("idNatPs", idNatPs, 64);
        Objects.requireNonNull(givenName, "givenName is required");
        Objects.requireNonNull(familyName, "familyName is required");
    }
}

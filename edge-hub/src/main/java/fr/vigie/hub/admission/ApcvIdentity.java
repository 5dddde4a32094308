package fr.vigie.hub.admission;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity an ApCV token vouches for, once its signature, issuer, audience and lifetime were
 * verified by {@link ApcvVerifier}. Immutable; {@link #toString()} shows the masked matricule only.
 *
 * @param tokenId the token's {@code jti}, used once
 * @param expiresAt the token's {@code exp}
 * @param matricule the INS matricule
 * @param oid its OID
 * @param traits the strict traits carried, to be checked by the registry
 */
public record ApcvIdentity(String tokenId, Instant expiresAt, InsMatricule matricule, InsOid oid,
        TraitsInput traits) {
    public ApcvIdentity {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(traits, "traits");
    }

    @Override
    public String toString() {
        return "ApcvIdentity[" + matricule.masked() + "]";
    }
}

package fr.vigie.hardware.sim.card;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a virtual CPS card carries for its holder: the authentication private key, its certificate
 * and the chain up to the root. Immutable. {@link #toString()} never shows the private key.
 *
 * @param idNatPs the holder's national identifier (type prefix + number), the certificate's CN
 * @param chain the certificate first, then its issuers up to the root
 */
public record CpsCredential(String idNatPs, String familyName, String givenName, PrivateKey privateKey,
        X509Certificate certificate, List<X509Certificate> chain) {
    public CpsCredential {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "CpsCredential[" + idNatPs + " " + familyName + " " + givenName + ", key redacted]";
    }
}

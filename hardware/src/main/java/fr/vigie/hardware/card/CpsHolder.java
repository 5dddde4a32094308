package fr.vigie.hardware.card;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The health professional a CPS card belongs to, as its authentication certificate names them.
 * Immutable. The certificate is not yet validated against the IGC-Santé anchors: that is the
 * caller's step.
 *
 * @param idNatPs the national identifier (type prefix + number), the certificate subject's CN
 * @param familyName the subject's SURNAME attribute, or empty if absent
 * @param givenName the subject's GIVENNAME attribute, or empty if absent
 */
public record CpsHolder(String idNatPs, String familyName, String givenName, X509Certificate certificate) {
    public CpsHolder {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(certificate, "certificate");
    }
}

package fr.vigie.provisioning.igcsante;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A health professional's authentication certificate that passed {@link IgcSanteValidator}: the
 * holder as the validated certificate names them, and how fresh the revocation data was. Immutable.
 *
 * @param idNatPs the holder's national identifier (the subject CN, parsed as an idNat_PS)
 * @param familyName the subject's SURNAME, or empty
 * @param givenName the subject's GIVENNAME, or empty
 * @param serial the certificate serial number, in hexadecimal (for logs and audit)
 * @param path the validated path, the holder's certificate first, up to (excluding) the root
 * @param crlGraceUntil present when a CRL used was past its nextUpdate but within the configured
 *        grace: the instant from which such a check will be refused
 */
public record ProfessionalCertificate(String idNatPs, String familyName, String givenName, String serial,
        List<X509Certificate> path, Optional<Instant> crlGraceUntil) {
    public ProfessionalCertificate {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(serial, "serial");
        path = List.copyOf(path);
        Objects.requireNonNull(crlGraceUntil, "crlGraceUntil");
    }
}

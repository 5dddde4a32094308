package fr.vigie.kiosk.session;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Decides whether a CPS authentication certificate is acceptable: chain to the IGC-Santé anchors,
 * revocation (CRL/OCSP), validity dates. Thread-safe.
 *
 * <p>The chain and CRL validation is a later step; until then only
 * {@link DevCertificateCheck} exists, and it is permissive only when configured to be.
 */
@FunctionalInterface
public interface CertificateCheck {
    /** @return empty if acceptable, otherwise a short, secret-free reason */
    Optional<String> refusal(X509Certificate certificate);
}

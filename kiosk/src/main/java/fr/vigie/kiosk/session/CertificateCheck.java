package fr.vigie.kiosk.session;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a CPS authentication certificate is acceptable: chain to the IGC-Santé anchors,
 * revocation (CRL), validity dates, key usage. Thread-safe. The kiosk's implementation is
 * {@link IgcSanteCertificateCheck}, built by {@link fr.vigie.kiosk.igcsante.CardTrust}.
 */
@FunctionalInterface
public interface CertificateCheck {
    /** @return empty if acceptable, otherwise a short, secret-free reason starting with a stable code, e.g. {@code CERT_REVOKED: …} */
    Optional<String> refusal(X509Certificate certificate);

    /**
     * The intermediate CAs this check validates {@code certificate} through, towards its root (what the
     * kiosk passes on to the hub with a card's signature); empty when unknown or not acceptable.
     */
    default List<X509Certificate> issuers(X509Certificate certificate) {
        return List.of();
    }
}

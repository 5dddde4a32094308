package fr.vigie.kiosk.session;

import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.igcsante.ProfessionalCertificate;
import fr.vigie.provisioning.ProvisioningException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CertificateCheck} of a kiosk: the card's authentication certificate must pass the
 * {@link IgcSanteValidator} (path to the configured IGC-Santé anchors, validity at the kiosk's
 * clock, digitalSignature key usage, revocation with the cached CRLs, an idNat_PS as subject CN).
 * A refusal reads {@code CODE: reason}, the code being a stable
 * {@link fr.vigie.provisioning.ProvisioningError} name such as {@code CERT_REVOKED} or
 * {@code CRL_STALE}; it holds no secret. Thread-safe.
 *
 * <pre>{@code
 * CertificateCheck check = new IgcSanteCertificateCheck(new IgcSanteValidator(trust, crls, grace, clock));
 * }</pre>
 */
public final class IgcSanteCertificateCheck implements CertificateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(IgcSanteCertificateCheck.class);

    private final IgcSanteValidator validator;

    public IgcSanteCertificateCheck(IgcSanteValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Optional<String> refusal(X509Certificate certificate) {
        try {
            ProfessionalCertificate who = validator.validate(certificate);
            who.crlGraceUntil().ifPresent(until -> LOG.warn("card certificate {} accepted with a CRL past its next "
                    + "update: the kiosk cannot reach fresher CRLs; cards will be refused from {}", who.serial(), until));
            return Optional.empty();
        } catch (ProvisioningException e) {
            return Optional.of(e.error().name() + ": " + e.getMessage());
        }
    }

    @Override
    public List<X509Certificate> issuers(X509Certificate certificate) {
        try {
            List<X509Certificate> path = validator.validate(certificate).path();
            return path.size() <= 1 ? List.of() : path.subList(1, path.size());
        } catch (ProvisioningException e) {
            return List.of();
        }
    }

    /**
     * Validates the certificate and returns the holder it names, for callers that need the
     * validated identity (e.g. to bind PSC tokens to the card's idNat_PS).
     */
    public ProfessionalCertificate validate(X509Certificate certificate) throws ProvisioningException {
        return validator.validate(certificate);
    }
}

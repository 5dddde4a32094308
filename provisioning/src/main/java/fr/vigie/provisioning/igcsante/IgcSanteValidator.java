package fr.vigie.provisioning.igcsante;

import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Validates a health professional's card authentication certificate against the IGC-Santé trust
 * anchors, at the time of an injected {@link Clock}, and names its holder.
 *
 * <p>Checks, in order, each refusal with a stable {@link ProvisioningError} code:
 * <ol>
 * <li>a path to a trusted root through the trusted intermediates, by issuer name and signature
 * ({@code CERT_UNTRUSTED_ISSUER});</li>
 * <li>the PKIX path validation of the JDK at the clock's time, revocation aside: signatures, validity
 * of every certificate ({@code CERT_EXPIRED}, {@code CERT_NOT_YET_VALID}), CA basic constraints and
 * keyCertSign ({@code CERT_WRONG_USAGE}, {@code CERT_CHAIN_INVALID});</li>
 * <li>the holder's certificate is an end-entity certificate with the digitalSignature key usage
 * ({@code CERT_WRONG_USAGE});</li>
 * <li>revocation of every certificate of the path with its issuer's CRL from {@link IgcSanteCrls}:
 * {@code CRL_MISSING} when none is held, {@code CRL_STALE} when the clock is past its nextUpdate plus
 * the grace, {@code CERT_REVOKED} when the serial is listed (on hold included);</li>
 * <li>the subject CN is an idNat_PS ({@code CERT_SUBJECT_INVALID}).</li>
 * </ol>
 *
 * <p><b>Stale CRL policy.</b> A CRL past its nextUpdate is still used during {@code staleGrace}, so
 * that clinicians can sign in through a short outage of the hub (or of the ANS publication); the
 * result then says until when ({@link ProfessionalCertificate#crlGraceUntil()}). After that, every
 * card of that CA is refused with {@code CRL_STALE} until a fresh CRL arrives: an unknown revocation
 * status is never taken for "not revoked". Thread-safe if the clock is.
 *
 * <pre>{@code
 * var validator = new IgcSanteValidator(trust, crls, Duration.ofHours(48), clock);
 * ProfessionalCertificate who = validator.validate(holder.certificate());   // or ProvisioningException
 * }</pre>
 */
public final class IgcSanteValidator {
    private static final int MAX_PATH = 6;

    private final IgcSanteTrust trust;
    private final IgcSanteCrls crls;
    private final Duration staleGrace;
    private final Clock clock;

    public IgcSanteValidator(IgcSanteTrust trust, IgcSanteCrls crls, Duration staleGrace, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.crls = Objects.requireNonNull(crls, "crls");
        this.staleGrace = Objects.requireNonNull(staleGrace, "staleGrace");
        if (staleGrace.isNegative()) {
            throw new IllegalArgumentException("staleGrace must not be negative, got " + staleGrace);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the validated holder
     * @throws ProvisioningException the refusal, with its code and a reason naming the certificate
     */
    public ProfessionalCertificate validate(X509Certificate holder) throws ProvisioningException {
        Objects.requireNonNull(holder, "holder");
        Instant now = clock.instant();
        List<X509Certificate> path = buildPath(holder);
        pkix(path, now);
        endEntityUsage(holder);
        Optional<Instant> grace = Optional.empty();
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : root(c);
            Optional<Instant> g = notRevoked(c, issuer, now);
            if (g.isPresent() && (grace.isEmpty() || g.get().isBefore(grace.get()))) {
                grace = g;
            }
        }
        X500Name subject = X500Name.getInstance(holder.getSubjectX500Principal().getEncoded());
        String cn = attribute(subject, BCStyle.CN);
        try {
            IdNatPs.parse(cn);
        } catch (IdentityException e) {
            throw new ProvisioningException(ProvisioningError.CERT_SUBJECT_INVALID, "certificate " + serial(holder)
                    + ": its subject CN is not an idNat_PS (" + e.getMessage() + ")", e);
        }
        return new ProfessionalCertificate(cn, attribute(subject, BCStyle.SURNAME),
                attribute(subject, BCStyle.GIVENNAME), serial(holder), path, grace);
    }

    /** The holder's certificate, then its issuers up to (excluding) a trusted root. */
    private List<X509Certificate> buildPath(X509Certificate holder) throws ProvisioningException {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = holder;
        while (true) {
            path.add(current);
            X509Certificate c = current;
            Optional<X509Certificate> issuer = trust.issuerOf(c.getIssuerX500Principal(), IgcSanteTrust.signatureOf(c));
            if (issuer.isEmpty()) {
                throw new ProvisioningException(ProvisioningError.CERT_UNTRUSTED_ISSUER, describe(c)
                        + " is issued by " + name(c.getIssuerX500Principal())
                        + ", which is not a configured IGC-Santé authority (or did not sign it)");
            }
            if (trust.isRoot(issuer.get())) {
                return path;
            }
            if (path.contains(issuer.get()) || path.size() >= MAX_PATH) {
                throw new ProvisioningException(ProvisioningError.CERT_CHAIN_INVALID,
                        "no path of at most " + MAX_PATH + " certificates from " + serial(holder) + " to a trusted root");
            }
            current = issuer.get();
        }
    }

    private X509Certificate root(X509Certificate lastBeforeRoot) throws ProvisioningException {
        return trust.issuerOf(lastBeforeRoot.getIssuerX500Principal(), IgcSanteTrust.signatureOf(lastBeforeRoot))
                .orElseThrow(() -> new ProvisioningException(ProvisioningError.CERT_UNTRUSTED_ISSUER,
                        "the root of " + serial(lastBeforeRoot) + " is not trusted"));
    }

    private void pkix(List<X509Certificate> path, Instant now) throws ProvisioningException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(trust.anchors());
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            String which = e.getIndex() >= 0 && e.getIndex() < path.size() ? describe(path.get(e.getIndex()))
                    : "the certification path";
            throw new ProvisioningException(codeOf(e.getReason()), which + ": " + e.getMessage() + " (checked at "
                    + now + ")", e);
        } catch (GeneralSecurityException e) {
            throw new ProvisioningException(ProvisioningError.CERT_CHAIN_INVALID,
                    "the certification path cannot be validated: " + e.getMessage(), e);
        }
    }

    private static ProvisioningError codeOf(CertPathValidatorException.Reason reason) {
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return ProvisioningError.CERT_EXPIRED;
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return ProvisioningError.CERT_NOT_YET_VALID;
        }
        if (reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE
                || reason == PKIXReason.NO_TRUST_ANCHOR) {
            return ProvisioningError.CERT_UNTRUSTED_ISSUER;
        }
        if (reason == PKIXReason.INVALID_KEY_USAGE || reason == PKIXReason.NOT_CA_CERT) {
            return ProvisioningError.CERT_WRONG_USAGE;
        }
        return ProvisioningError.CERT_CHAIN_INVALID;
    }

    private static void endEntityUsage(X509Certificate holder) throws ProvisioningException {
        boolean[] ku = holder.getKeyUsage();
        if (holder.getBasicConstraints() >= 0 || ku == null || !ku[0]) {
            throw new ProvisioningException(ProvisioningError.CERT_WRONG_USAGE, "certificate " + serial(holder)
                    + " is not an end-entity certificate with the digitalSignature key usage");
        }
    }

    /** @return the end of the grace when the CRL used was past its nextUpdate */
    private Optional<Instant> notRevoked(X509Certificate c, X509Certificate issuer, Instant now)
            throws ProvisioningException {
        X509CRL crl = crls.of(issuer).orElseThrow(() -> new ProvisioningException(ProvisioningError.CRL_MISSING,
                "no revocation list of " + name(issuer.getSubjectX500Principal()) + " is held, so "
                        + describe(c) + " cannot be checked"));
        Instant next = crl.getNextUpdate().toInstant();
        Instant refuseFrom = next.plus(staleGrace);
        if (now.isAfter(refuseFrom)) {
            throw new ProvisioningException(ProvisioningError.CRL_STALE, "the revocation list of "
                    + name(issuer.getSubjectX500Principal()) + " was due for renewal at " + next
                    + " and the grace of " + staleGrace + " is over (checked at " + now + ")");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(c);
        if (entry != null) {
            throw new ProvisioningException(ProvisioningError.CERT_REVOKED, describe(c) + " was revoked on "
                    + entry.getRevocationDate().toInstant()
                    + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")"));
        }
        return now.isAfter(next) ? Optional.of(refuseFrom) : Optional.empty();
    }

    private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** A CA by its full name; a holder by serial and CN only (no personal names in logs). */
    private static String describe(X509Certificate c) {
        if (c.getBasicConstraints() >= 0) {
            return "CA certificate " + name(c.getSubjectX500Principal());
        }
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        return "certificate " + serial(c) + " (CN=" + attribute(subject, BCStyle.CN) + ")";
    }

    static String name(X500Principal p) {
        return X500Name.getInstance(p.getEncoded()).toString();
    }

    static String serial(X509Certificate c) {
        return c.getSerialNumber().toString(16);
    }
}

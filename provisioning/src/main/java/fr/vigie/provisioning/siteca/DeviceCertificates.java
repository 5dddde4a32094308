package fr.vigie.provisioning.siteca;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.CertificateChecks;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether a device certificate presented to the hub or broker is acceptable, and which
 * kiosk it speaks for. The device certificate must be signed by the site's issuing CA (any
 * intermediate the peer sent is ignored: the CA is pinned), be within its validity at the time of
 * the check, be an end-entity certificate for digitalSignature and clientAuth, name exactly one
 * kiosk, and not be on a current CRL signed by the issuing CA. Thread-safe.
 *
 * <pre>{@code
 * DeviceCertificates devices = siteCa.deviceCertificates();
 * KioskAddress kiosk = devices.verify(peerChain, clock.instant());  // then allow only Topics.subtree(kiosk)
 * }</pre>
 */
public final class DeviceCertificates {
    private final X509Certificate issuing;
    private final Supplier<X509CRL> crls;
    private volatile X509CRL lastVerifiedCrl;

    /**
     * @param issuingCa the site's issuing CA certificate
     * @param crls supplies the current CRL of that CA; it is checked on every call
     */
    public DeviceCertificates(X509Certificate issuingCa, Supplier<X509CRL> crls) {
        this.issuing = Objects.requireNonNull(issuingCa, "issuingCa");
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    /**
     * Checks a presented chain (device certificate first) at {@code at}.
     *
     * @return the kiosk the certificate speaks for
     * @throws ProvisioningException {@code CERT_MALFORMED}, {@code CERT_FOREIGN_CA},
     *     {@code CERT_EXPIRED}, {@code CERT_NOT_YET_VALID}, {@code CERT_WRONG_USAGE},
     *     {@code CERT_SUBJECT_INVALID}, {@code CRL_INVALID}, {@code CRL_STALE}, {@code CERT_REVOKED}
     */
    public KioskAddress verify(List<X509Certificate> chain, Instant at) throws ProvisioningException {
        if (chain == null || chain.isEmpty() || chain.get(0) == null) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED, "no device certificate was presented");
        }
        X509Certificate leaf = chain.get(0);
        String serial = CertificateChecks.serialOf(leaf);
        try {
            if (!leaf.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer " + leaf.getIssuerX500Principal());
            }
            leaf.verify(issuing.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new ProvisioningException(ProvisioningError.CERT_FOREIGN_CA, "certificate " + serial
                    + " issued by " + leaf.getIssuerX500Principal() + " was not issued by this site's CA");
        }
        CertificateChecks.validAt(leaf, at, "certificate " + serial);
        CertificateChecks.validAt(issuing, at, "the site's issuing CA");
        CertificateChecks.clientUsage(leaf);
        KioskAddress kiosk = CertificateChecks.kioskOf(leaf);
        X509CRL crl = checkedCrl(at);
        if (crl.getRevokedCertificate(leaf.getSerialNumber()) != null) {
            throw new ProvisioningException(ProvisioningError.CERT_REVOKED,
                    "certificate " + serial + " of kiosk " + kiosk + " is revoked");
        }
        return kiosk;
    }

    /**
     * A trust manager for a TLS server that authenticates kiosks with {@link #verify} at the time
     * of {@code clock}; its refusals carry the rejection code in their message.
     */
    public X509ExtendedTrustManager trustManager(Clock clock) {
        return new Trust(clock);
    }

    private X509CRL checkedCrl(Instant at) throws ProvisioningException {
        X509CRL crl = crls.get();
        if (crl == null) {
            throw new ProvisioningException(ProvisioningError.CRL_STALE, "no CRL is available: revocation cannot be checked");
        }
        if (crl != lastVerifiedCrl) {
            try {
                if (!crl.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
                    throw new GeneralSecurityException("issuer " + crl.getIssuerX500Principal());
                }
                crl.verify(issuing.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new ProvisioningException(ProvisioningError.CRL_INVALID,
                        "the CRL is not signed by this site's issuing CA", e);
            }
            lastVerifiedCrl = crl;
        }
        if (crl.getNextUpdate() != null && at.isAfter(crl.getNextUpdate().toInstant())) {
            throw new ProvisioningException(ProvisioningError.CRL_STALE,
                    "the CRL expired at " + crl.getNextUpdate().toInstant() + ": revocation cannot be checked");
        }
        return crl;
    }

    private final class Trust extends X509ExtendedTrustManager {
        private final Clock clock;

        Trust(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                verify(chain == null ? List.of() : List.of(chain), clock.instant());
            } catch (ProvisioningException e) {
                throw new CertificateException(e.toString(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only authenticates kiosks");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {issuing};
        }
    }
}

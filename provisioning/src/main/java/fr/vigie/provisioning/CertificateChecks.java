package fr.vigie.provisioning;

import fr.vigie.protocol.KioskAddress;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/** Checks on device certificates shared by the device (when installing) and the hub (when verifying). */
public final class CertificateChecks {
    private CertificateChecks() {
    }

    public static void validAt(X509Certificate c, Instant at, String what) throws ProvisioningException {
        if (at.isBefore(c.getNotBefore().toInstant())) {
            throw new ProvisioningException(ProvisioningError.CERT_NOT_YET_VALID,
                    what + " is valid only from " + c.getNotBefore().toInstant() + " (checked at " + at + ")");
        }
        if (at.isAfter(c.getNotAfter().toInstant())) {
            throw new ProvisioningException(ProvisioningError.CERT_EXPIRED,
                    what + " expired at " + c.getNotAfter().toInstant() + " (checked at " + at + ")");
        }
    }

    /** An end-entity certificate for digital signatures and TLS client authentication. */
    public static void clientUsage(X509Certificate leaf) throws ProvisioningException {
        boolean[] ku = leaf.getKeyUsage();
        List<String> eku;
        try {
            eku = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            eku = null;
        }
        if (leaf.getBasicConstraints() != -1 || ku == null || !ku[0] || eku == null
                || !eku.contains(KeyPurposeId.id_kp_clientAuth.getId())) {
            throw new ProvisioningException(ProvisioningError.CERT_WRONG_USAGE, "certificate " + serialOf(leaf)
                    + " is not an end-entity certificate for digitalSignature and clientAuth");
        }
    }

    /** Each certificate is issued and signed by the next, and the last one is self-signed. */
    public static void linked(List<X509Certificate> chain) throws ProvisioningException {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : c;
            try {
                if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    throw new GeneralSecurityException("issuer name differs");
                }
                c.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new ProvisioningException(ProvisioningError.CERT_CHAIN_INVALID, "certificate " + (i + 1) + " of "
                        + chain.size() + " (" + c.getSubjectX500Principal() + ") is not signed by "
                        + (issuer == c ? "itself: the chain must end with the root CA" : "the next one"), e);
            }
        }
    }

    public static KioskAddress kioskOf(X509Certificate leaf) throws ProvisioningException {
        try {
            JcaX509CertificateHolder h = new JcaX509CertificateHolder(leaf);
            GeneralNames san = h.getExtensions() == null ? null
                    : GeneralNames.fromExtensions(h.getExtensions(), Extension.subjectAlternativeName);
            return SubjectNames.kioskOf(h.getSubject(), san, ProvisioningError.CERT_SUBJECT_INVALID);
        } catch (CertificateEncodingException e) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED, "certificate cannot be re-encoded", e);
        }
    }

    public static String serialOf(X509Certificate c) {
        return c.getSerialNumber().toString(16);
    }
}

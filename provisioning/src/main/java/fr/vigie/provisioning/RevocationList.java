package fr.vigie.provisioning;

import fr.vigie.provisioning.siteca.SiteCa;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The revoked serials of a site and the CRL that publishes them. The signed CRL is also the
 * persistent record: on start it is read back and its signature checked. Not thread-safe; the
 * {@link SiteCa} guards it.
 */
public final class RevocationList {
    /** A revoked serial: when and why. */
    public record Revoked(Instant at, RevocationReason reason) {
    }

    private final Map<BigInteger, Revoked> revoked = new LinkedHashMap<>();
    private BigInteger number = BigInteger.ZERO;
    private X509CRL crl;

    public static RevocationList read(X509CRL crl, X509Certificate issuing) throws ProvisioningException {
        try {
            crl.verify(issuing.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID,
                    "the stored CRL is not signed by this site's issuing CA", e);
        }
        RevocationList list = new RevocationList();
        if (crl.getRevokedCertificates() != null) {
            for (X509CRLEntry e : crl.getRevokedCertificates()) {
                int code = e.getRevocationReason() == null ? 0 : e.getRevocationReason().ordinal();
                list.revoked.put(e.getSerialNumber(),
                        new Revoked(e.getRevocationDate().toInstant(), RevocationReason.ofCode(code)));
            }
        }
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (ext != null) {
            try {
                list.number = ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
            } catch (IllegalArgumentException e) {
                throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, "the stored CRL number is unreadable", e);
            }
        }
        list.crl = crl;
        return list;
    }

    public boolean contains(BigInteger serial) {
        return revoked.containsKey(serial);
    }

    /** Adds a serial; a serial already revoked keeps its first date and reason. */
    public boolean add(BigInteger serial, Instant at, RevocationReason reason) {
        return revoked.putIfAbsent(serial, new Revoked(at, reason)) == null;
    }

    public X509CRL current() {
        return crl;
    }

    /** Signs a new CRL with the next CRL number, valid from {@code now} for {@code validity}. */
    public X509CRL sign(X509Certificate issuing, PrivateKey key, Instant now, Duration validity) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(CertificateProfiles.nameOf(issuing), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(validity)));
            for (Map.Entry<BigInteger, Revoked> e : revoked.entrySet()) {
                b.addCRLEntry(e.getKey(), Date.from(e.getValue().at()), e.getValue().reason().code());
            }
            number = number.add(BigInteger.ONE);
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.getPublicKey()));
            crl = new JcaX509CRLConverter().getCRL(b.build(signer(key)));
            return crl;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        }
    }

    /** ECDSA for the site CA, RSA for the IGC-Santé-like sandbox hierarchy; SHA-256 either way. */
    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return key.getAlgorithm().equals("RSA") ? new JcaContentSignerBuilder("SHA256withRSA").build(key)
                : EcKeys.signer(key);
    }

    public static X509CRL parse(byte[] der) throws ProvisioningException {
        try {
            return Pem.parseCrl(der);
        } catch (CRLException e) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, "the stored CRL is unreadable", e);
        }
    }
}

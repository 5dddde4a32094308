package fr.vigie.provisioning;

import fr.vigie.protocol.KioskAddress;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The certificate profiles of the site PKI: root CA, issuing CA (path length 0), device
 * (digitalSignature, clientAuth, kiosk URN), server (digitalSignature, serverAuth, DNS and IP
 * SANs), and the self-signed placeholder a device keeps next to its key until it is enrolled.
 */
public final class CertificateProfiles {
    private CertificateProfiles() {
    }

    /** A random positive serial of 127 bits (RFC 5280 allows up to 20 octets). */
    public static BigInteger serial(SecureRandom random) {
        BigInteger s;
        do {
            s = new BigInteger(127, random);
        } while (s.signum() == 0);
        return s;
    }

    public static X509Certificate root(KeyPair keys, X500Name subject, Instant from, Instant to, BigInteger serial) {
        X509v3CertificateBuilder b = builder(subject, subject, keys.getPublic(), from, to, serial);
        add(b, Extension.basicConstraints, true, new BasicConstraints(true));
        add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        add(b, Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, keys.getPrivate());
    }

    public static X509Certificate issuing(PublicKey key, X500Name subject, X509Certificate root, PrivateKey rootKey,
            Instant from, Instant to, BigInteger serial) {
        X509v3CertificateBuilder b = builder(nameOf(root), subject, key, from, to, serial);
        add(b, Extension.basicConstraints, true, new BasicConstraints(0));
        add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        add(b, Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(key));
        add(b, Extension.authorityKeyIdentifier, false, ext().createAuthorityKeyIdentifier(root.getPublicKey()));
        return sign(b, rootKey);
    }

    public static X509Certificate device(PublicKey key, KioskAddress kiosk, X509Certificate issuer, PrivateKey issuerKey,
            Instant from, Instant to, BigInteger serial) {
        X509v3CertificateBuilder b = builder(nameOf(issuer), SubjectNames.deviceSubject(kiosk), key, from, to, serial);
        endEntity(b, key, issuer, KeyPurposeId.id_kp_clientAuth);
        add(b, Extension.subjectAlternativeName, false, SubjectNames.deviceSan(kiosk));
        return sign(b, issuerKey);
    }

    public static X509Certificate server(PublicKey key, X500Name subject, GeneralNames san, X509Certificate issuer,
            PrivateKey issuerKey, Instant from, Instant to, BigInteger serial) {
        X509v3CertificateBuilder b = builder(nameOf(issuer), subject, key, from, to, serial);
        endEntity(b, key, issuer, KeyPurposeId.id_kp_serverAuth);
        add(b, Extension.subjectAlternativeName, false, san);
        return sign(b, issuerKey);
    }

    /** Self-signed, no extensions, one day: only there because a PKCS#12 key entry needs a certificate. */
    public static X509Certificate placeholder(KeyPair keys, KioskAddress kiosk, Instant now, BigInteger serial) {
        return placeholder(keys, SubjectNames.deviceSubject(kiosk), now, serial);
    }

    /** The same placeholder under any subject. */
    public static X509Certificate placeholder(KeyPair keys, X500Name subject, Instant now, BigInteger serial) {
        return sign(builder(subject, subject, keys.getPublic(), now, now.plusSeconds(86_400), serial), keys.getPrivate());
    }

    public static X500Name nameOf(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }

    private static void endEntity(X509v3CertificateBuilder b, PublicKey key, X509Certificate issuer, KeyPurposeId purpose) {
        add(b, Extension.basicConstraints, true, new BasicConstraints(false));
        add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        add(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        add(b, Extension.subjectKeyIdentifier, false, ext().createSubjectKeyIdentifier(key));
        add(b, Extension.authorityKeyIdentifier, false, ext().createAuthorityKeyIdentifier(issuer.getPublicKey()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
            Instant from, Instant to, BigInteger serial) {
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, key);
    }

    private static void add(X509v3CertificateBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            b.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(EcKeys.signer(key)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
    }

    private static JcaX509ExtensionUtils ext() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
        }
    }
}

package fr.vigie.hub.testing;

import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates for tests of the gateways' settings: a self-signed EC certificate with the subject
 * asked for, written as a PKCS#12 file with its password in a file of its own, both owner-only, as a site
 * installs the certificate it got from the IGC-Santé. An {@link Authority} issues CA-signed server and
 * client certificates when a real TLS peer checks them (the Keycloak interoperability test).
 *
 * <pre>{@code
 * TestCertificates.Written insi = TestCertificates.write(dir, "insi", "CN=INSI-AUTO,OU=10B0152872,O=CH,C=FR");
 * }</pre>
 */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** The files written, and the certificate in them. */
    public record Written(Path pkcs12, Path passwordFile, X509Certificate certificate) {
    }

    /** Writes {@code <dir>/<name>.p12} and {@code <dir>/<name>.password} for a new key certified as {@code subject}. */
    public static Written write(Path dir, String name, String subject) throws IOException, GeneralSecurityException {
        KeyPair keys = ecKeys();
        X509Certificate cert = sign(dn(subject), keys.getPublic(), dn(subject), keys.getPrivate(),
                b -> { });
        return writePkcs12(dir, name, keys, new X509Certificate[] {cert});
    }

    /**
     * A test certificate authority (EC P-256, a day either side of now) issuing TLS server and client
     * certificates, so that a real TLS peer checks a chain as it would an IGC-Santé one.
     */
    public static final class Authority {
        private final KeyPair keys;
        private final X509Certificate certificate;

        private Authority(KeyPair keys, X509Certificate certificate) {
            this.keys = keys;
            this.certificate = certificate;
        }

        /** A new self-signed CA named {@code subject}. */
        public static Authority create(String subject) throws GeneralSecurityException {
            KeyPair keys = ecKeys();
            X500Name dn = dn(subject);
            return new Authority(keys, sign(dn, keys.getPublic(), dn, keys.getPrivate(), b -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }));
        }

        public X509Certificate certificate() {
            return certificate;
        }

        /** Writes the CA certificate as PEM to {@code <dir>/<name>.pem}. */
        public Path writePem(Path dir, String name) throws IOException, GeneralSecurityException {
            Path pem = dir.resolve(name + ".pem");
            Files.writeString(pem, Pem.encode("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            return pem;
        }

        /** Writes the CA certificate alone in a PKCS#12 trust store {@code <dir>/<name>.p12} opened by {@code password}. */
        public Path writeTrustStore(Path dir, String name, char[] password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            Path p12 = dir.resolve(name + ".p12");
            try (OutputStream out = Files.newOutputStream(p12)) {
                store.store(out, password);
            }
            return p12;
        }

        /** A client certificate for {@code subject} with its chain, as {@link #write} writes one. */
        public Written issueClient(Path dir, String name, String subject) throws IOException, GeneralSecurityException {
            KeyPair leaf = ecKeys();
            X509Certificate cert = sign(dn(subject), leaf.getPublic(),
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys.getPrivate(), b ->
                            b.addExtension(Extension.extendedKeyUsage, false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
            return writePkcs12(dir, name, leaf, new X509Certificate[] {cert, certificate});
        }

        /**
         * A TLS server certificate for the loopback address {@code ip}: {@code <dir>/<name>.crt} (PEM, leaf then
         * CA) and {@code <dir>/<name>.key} (PEM, PKCS#8), as a web server is configured with.
         */
        public Path[] issueServer(Path dir, String name, String ip) throws IOException, GeneralSecurityException {
            KeyPair leaf = ecKeys();
            X509Certificate cert = sign(new X500Name("CN=" + ip), leaf.getPublic(),
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys.getPrivate(), b -> {
                        b.addExtension(Extension.subjectAlternativeName, false,
                                new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
                        b.addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    });
            Path crt = dir.resolve(name + ".crt");
            Path key = dir.resolve(name + ".key");
            Files.writeString(crt, Pem.encode("CERTIFICATE", cert.getEncoded())
                    + Pem.encode("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(key, Pem.encode("PRIVATE KEY", leaf.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            return new Path[] {crt, key};
        }
    }

    private interface Extensions {
        void add(JcaX509v3CertificateBuilder builder) throws IOException;
    }

    /** {@code subject} read as RFC 2253, the way Java prints names and TLS peers compare them (C=FR first in DER). */
    private static X500Name dn(String subject) {
        return X500Name.getInstance(new X500Principal(subject).getEncoded());
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
            Extensions extensions) throws GeneralSecurityException {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, key);
            extensions.add(b);
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static Written writePkcs12(Path dir, String name, KeyPair keys, X509Certificate[] chain)
            throws IOException, GeneralSecurityException {
        X509Certificate cert = chain[0];
        Path p12 = dir.resolve(name + ".p12");
        Path password = dir.resolve(name + ".password");
        char[] secret = ("pw-" + name).toCharArray();
        Pkcs12Files.write(p12, Map.of(name, new Pkcs12Files.Entry(keys.getPrivate(), chain)),
                secret, 1000, new SecureRandom());
        Files.writeString(password, new String(secret) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        return new Written(p12, password, cert);
    }

    /** Writes {@code content} to {@code <dir>/<name>}, owner-only. */
    public static Path secretFile(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}

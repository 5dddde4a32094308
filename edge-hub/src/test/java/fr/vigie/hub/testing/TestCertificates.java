package fr.vigie.hub.testing;

import fr.vigie.provisioning.Pkcs12Files;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates for tests of the gateways' settings: a self-signed EC certificate with the subject
 * asked for, written as a PKCS#12 file with its password in a file of its own, both owner-only, as a site
 * installs the certificate it got from the IGC-Santé.
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
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        Instant now = Instant.now();
        X500Name dn = new X500Name(subject);
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), dn, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        Path p12 = dir.resolve(name + ".p12");
        Path password = dir.resolve(name + ".password");
        char[] secret = ("pw-" + name).toCharArray();
        Pkcs12Files.write(p12, Map.of(name, new Pkcs12Files.Entry(keys.getPrivate(), new X509Certificate[] {cert})),
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

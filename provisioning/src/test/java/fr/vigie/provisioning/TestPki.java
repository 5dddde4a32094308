package fr.vigie.provisioning;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import fr.vigie.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Test CA helpers: site CAs with cheap key protection, CSRs of any shape (wrong keys, wrong
 * names, wrong signatures), and the broker's TLS server context.
 */
public final class TestPki {
    public static final String SITE = "chu-nord";
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    public static final KioskAddress KIOSK_A = KioskAddress.of(SITE, "kiosk-a");
    public static final KioskAddress KIOSK_B = KioskAddress.of(SITE, "kiosk-b");

    private TestPki() {
    }

    public static SiteCaSettings settings(String site) {
        return SiteCaSettings.defaults(site).withKeyProtectionIterations(10_000);
    }

    public static SiteCa siteCa(Path dir, MutableClock clock) throws Exception {
        return SiteCa.openOrCreate(dir, settings(SITE), PASSPHRASE, clock);
    }

    public static SiteCa siteCa(Path dir, String site, Duration deviceValidity, MutableClock clock) throws Exception {
        return SiteCa.openOrCreate(dir, settings(site).withDeviceValidity(deviceValidity), PASSPHRASE, clock);
    }

    public static KeyPair ecKeys(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    public static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** A CSR with any subject and SAN URI, for {@code subjectKeys}, signed with {@code signingKey}. */
    public static String csr(X500Name subject, String sanUri, KeyPair subjectKeys, PrivateKey signingKey)
            throws Exception {
        JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, subjectKeys.getPublic());
        if (sanUri != null) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, sanUri)));
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        }
        String alg = signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return Pem.encode("CERTIFICATE REQUEST", b.build(new JcaContentSignerBuilder(alg).build(signingKey)).getEncoded());
    }

    /** A well-formed CSR of {@code kiosk} for a fresh P-256 key. */
    public static String csr(KioskAddress kiosk) throws Exception {
        KeyPair keys = ecKeys("secp256r1");
        return csr(SubjectNames.deviceSubject(kiosk), SubjectNames.urn(kiosk), keys, keys.getPrivate());
    }

    /** A device identity in {@code dir}, enrolled with {@code ca}. */
    public static DeviceIdentity enrolled(Path dir, KioskAddress kiosk, SiteCa ca, MutableClock clock) throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, kiosk, "device-secret".toCharArray(), clock);
        X509Certificate cert = ca.issueDevice(DeviceCsr.parse(id.csrPem()), kiosk);
        id.installCertificateChain(ca.chainPem(cert));
        return id;
    }

    /** The broker's TLS 1.3 server context: a key of its own, a certificate from {@code ca}. */
    public static SSLContext serverContext(SiteCa ca, TrustManager kioskTrust) throws IOException {
        KeyPair keys = EcKeys.generate(new SecureRandom());
        X509Certificate cert = ca.issueServer(keys.getPublic(), "broker", List.of("localhost"), List.of("127.0.0.1"));
        return TlsContexts.create(keys.getPrivate(), new X509Certificate[] {cert, ca.issuingCertificate(),
                ca.rootCertificate()}, kioskTrust);
    }
}

package fr.vigie.hub.sandbox.insi;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An in-memory PKI shaped like the IGC-Santé TEST hierarchy, for the INSi sandbox and its tests: a
 * root ({@code AC RACINE IGC-SANTE ELEMENTAIRE <label>}), an issuing CA
 * ({@code AC IGC-SANTE ELEMENTAIRE ORGANISATIONS <label>}), establishment certificates (clientAuth,
 * CN {@code INSI-AUTO} or any CN a test needs) and the simulator's server certificate (serverAuth,
 * {@code localhost} and {@code 127.0.0.1}). EC P-256 keys, so a hierarchy costs milliseconds. The
 * site CA of {@code provisioning} is not reused: it issues kiosk and hub certificates, not
 * establishment certificates of the national PKI. Immutable after creation; thread-safe.
 *
 * <pre>{@code
 * SandboxPki pki = SandboxPki.create("TEST", clock);
 * SSLContext hubSide = SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root()));
 * }</pre>
 */
public final class SandboxPki {

    /**
     * A private key and its chain, leaf first.
     *
     * @param key the private key
     * @param chain leaf, issuing CA, root
     */
    public record TlsIdentity(PrivateKey key, X509Certificate[] chain) {
        public X509Certificate leaf() {
            return chain[0];
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair issuingKeys;
    private final X509Certificate issuing;

    private SandboxPki(Clock clock, String label) throws GeneralSecurityException {
        this.clock = clock;
        this.rootKeys = ecKeys();
        X500Name rootName = new X500Name("CN=AC RACINE IGC-SANTE ELEMENTAIRE " + label + ",OU=IGC-SANTE " + label
                + ",O=VIGIE SANDBOX,C=FR");
        this.root = certificate(rootName, rootName, rootKeys, rootKeys.getPrivate(), Duration.ofDays(3650),
                new BasicConstraints(1), KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null);
        this.issuingKeys = ecKeys();
        X500Name issuingName = new X500Name("CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS " + label + ",OU=IGC-SANTE "
                + label + ",O=VIGIE SANDBOX,C=FR");
        this.issuing = certificate(rootName, issuingName, issuingKeys, rootKeys.getPrivate(), Duration.ofDays(1825),
                new BasicConstraints(0), KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null);
    }

    /** A new hierarchy; {@code label} goes into the CA names, e.g. {@code TEST} or {@code FOREIGN}. */
    public static SandboxPki create(String label, Clock clock) {
        try {
            return new SandboxPki(clock, label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the sandbox PKI", e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** An establishment certificate (clientAuth) with the given CN, e.g. {@code INSI-AUTO}. */
    public TlsIdentity establishment(String commonName) {
        X500Name subject = new X500Name("CN=" + commonName + ",OU=10B0152872,O=VIGIE SANDBOX ESTABLISHMENT,C=FR");
        return leaf(subject, KeyPurposeId.id_kp_clientAuth, null);
    }

    /**
     * An establishment certificate (clientAuth) with the given CN, valid from {@code notBefore} for {@code validity}
     * (e.g. one that has already expired, or one not valid yet), for tests of what a site's preflight reports.
     */
    public TlsIdentity establishment(String commonName, Instant notBefore, Duration validity) {
        X500Name subject = new X500Name("CN=" + commonName + ",OU=10B0152872,O=VIGIE SANDBOX ESTABLISHMENT,C=FR");
        return leaf(subject, KeyPurposeId.id_kp_clientAuth, null, notBefore, validity);
    }

    /** The simulator's server certificate for {@code localhost} and {@code 127.0.0.1}. */
    public TlsIdentity server() {
        GeneralNames san = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        return leaf(new X500Name("CN=insi-sandbox,O=VIGIE SANDBOX,C=FR"), KeyPurposeId.id_kp_serverAuth, san);
    }

    private TlsIdentity leaf(X500Name subject, KeyPurposeId purpose, GeneralNames san) {
        return leaf(subject, purpose, san, clock.instant().minus(Duration.ofHours(1)),
                Duration.ofDays(365).plus(Duration.ofHours(1)));
    }

    private TlsIdentity leaf(X500Name subject, KeyPurposeId purpose, GeneralNames san, Instant notBefore,
            Duration validity) {
        try {
            KeyPair keys = ecKeys();
            X509Certificate cert = certificate(X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()),
                    subject, keys, issuingKeys.getPrivate(), notBefore, notBefore.plus(validity),
                    new BasicConstraints(false), KeyUsage.digitalSignature, new ExtendedKeyUsage(purpose), san);
            return new TlsIdentity(keys.getPrivate(), new X509Certificate[] {cert, issuing, root});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a sandbox certificate", e);
        }
    }

    /**
     * A TLS context presenting {@code identity} (none when {@code null}) and trusting exactly {@code anchors}.
     */
    public static SSLContext context(TlsIdentity identity, List<X509Certificate> anchors) {
        try {
            char[] pw = "sandbox".toCharArray();
            KeyManagerFactory kmf = null;
            if (identity != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("identity", identity.key(), pw, identity.chain());
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, pw);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), RANDOM);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    private X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, PrivateKey signer,
            Duration validity, BasicConstraints constraints, int keyUsage, ExtendedKeyUsage eku, GeneralNames san)
            throws GeneralSecurityException {
        Instant now = clock.instant();
        return certificate(issuer, subject, subjectKeys, signer, now.minus(Duration.ofHours(1)), now.plus(validity),
                constraints, keyUsage, eku, san);
    }

    private X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair subjectKeys, PrivateKey signer,
            Instant notBefore, Instant notAfter, BasicConstraints constraints, int keyUsage, ExtendedKeyUsage eku,
            GeneralNames san) throws GeneralSecurityException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).setBit(0),
                Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
        try {
            add(b, Extension.basicConstraints, true, constraints);
            add(b, Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (eku != null) {
                add(b, Extension.extendedKeyUsage, false, eku);
            }
            if (san != null) {
                add(b, Extension.subjectAlternativeName, false, san);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign a sandbox certificate", e);
        }
    }

    private static void add(X509v3CertificateBuilder b, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable v)
            throws IOException {
        b.addExtension(oid, critical, v);
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }
}

package fr.vigie.hardware.card.virtual;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A locally generated certificate hierarchy with the names and profiles of the IGC-Santé
 * "ELEMENTAIRE" branch: root "AC RACINE IGC-SANTE ELEMENTAIRE" → intermediate "AC IGC-SANTE
 * ELEMENTAIRE PERSONNES" → holder certificates whose subject CN is the holder's idNat_PS (RSA 2048,
 * SHA-256). It is <b>not</b> the real IGC-Santé, nor its TEST branch: every name carries
 * {@code O=VIGIE TEST} so that no certificate from it can be mistaken for a real one.
 *
 * <p>Used by the virtual CPS cards of the demo and by tests. Immutable and thread-safe once built;
 * {@link #shared()} gives one hierarchy per JVM because RSA key generation takes a while.
 *
 * <pre>{@code
 * CpsCredential doctor = TestIgcSante.shared().issuePersonne("899700000001", "MARTIN", "CLAIRE");
 * VirtualCpsCard card = VirtualCpsCard.builder(doctor).pin("1234").build();
 * }</pre>
 */
public final class TestIgcSante {
    public static final String ROOT_NAME = "AC RACINE IGC-SANTE ELEMENTAIRE";
    public static final String PERSONNES_NAME = "AC IGC-SANTE ELEMENTAIRE PERSONNES";
    private static final String TEST_ORGANISATION = "VIGIE TEST";

    private static TestIgcSante shared;

    private final Clock clock;
    private final SecureRandom random;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair personnesKeys;
    private final X509Certificate personnes;

    private TestIgcSante(Clock clock, SecureRandom random) throws GeneralSecurityException {
        this.clock = clock;
        this.random = random;
        this.rootKeys = rsa2048(random);
        X500Name rootName = caName(ROOT_NAME);
        this.root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), from(), until(Duration.ofDays(20 * 365)),
                rootName, rootKeys.getPublic()), rootKeys.getPublic(), null, true, rootKeys.getPrivate());
        this.personnesKeys = rsa2048(random);
        this.personnes = sign(new JcaX509v3CertificateBuilder(rootName, serial(), from(),
                until(Duration.ofDays(10 * 365)), caName(PERSONNES_NAME), personnesKeys.getPublic()),
                personnesKeys.getPublic(), root, true, rootKeys.getPrivate());
    }

    /** Builds a new hierarchy (two RSA 2048 key pairs). */
    public static TestIgcSante create(Clock clock, SecureRandom random) {
        try {
            return new TestIgcSante(clock, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test IGC-Santé hierarchy", e);
        }
    }

    /** @return the hierarchy shared by this JVM, built on first use with the system clock */
    public static synchronized TestIgcSante shared() {
        if (shared == null) {
            shared = create(Clock.systemUTC(), new SecureRandom());
        }
        return shared;
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public X509Certificate personnesCertificate() {
        return personnes;
    }

    /**
     * Issues an authentication credential for a health professional: a fresh RSA 2048 key pair and
     * a certificate from "AC IGC-SANTE ELEMENTAIRE PERSONNES" with {@code CN=idNatPs}.
     */
    public CpsCredential issuePersonne(String idNatPs, String familyName, String givenName) {
        Objects.requireNonNull(idNatPs, "idNatPs");
        try {
            KeyPair holder = rsa2048(random);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "FR")
                    .addRDN(BCStyle.O, TEST_ORGANISATION)
                    .addRDN(BCStyle.SURNAME, familyName)
                    .addRDN(BCStyle.GIVENNAME, givenName)
                    .addRDN(BCStyle.CN, idNatPs)
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(personnes, serial(), from(),
                    until(Duration.ofDays(3 * 365)), subject, holder.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            X509Certificate cert = sign(builder, holder.getPublic(), personnes, false, personnesKeys.getPrivate());
            return new CpsCredential(idNatPs, familyName, givenName, holder.getPrivate(), cert,
                    List.of(cert, personnes, root));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a test CPS credential", e);
        }
    }

    private static X500Name caName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "FR")
                .addRDN(BCStyle.O, TEST_ORGANISATION)
                .addRDN(BCStyle.OU, "IGC-SANTE TEST LOCALE")
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PublicKey subjectKey, X509Certificate issuer,
            boolean ca, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuer));
            }
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null ? 1 : 0));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException | CertIOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsa2048(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(64, random).setBit(63);
    }

    private Date from() {
        return Date.from(clock.instant().minus(Duration.ofDays(1)));
    }

    private Date until(Duration validity) {
        Instant now = clock.instant();
        return Date.from(now.plus(validity));
    }
}

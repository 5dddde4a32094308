package fr.vigie.hardware.sim.igcsante;

import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.RevocationList;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.igcsante.IgcSanteTrust;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
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
 * A locally generated certificate authority with the names and profiles of the IGC-Santé
 * "ELEMENTAIRE" branch: root "AC RACINE IGC-SANTE ELEMENTAIRE" → intermediate "AC IGC-SANTE
 * ELEMENTAIRE PERSONNES" → health professionals' authentication certificates whose subject CN is the
 * idNat_PS (RSA 2048, SHA-256, digitalSignature). Each CA publishes a CRL (the root's lists revoked
 * intermediates, the intermediate's revoked cards), re-signed when a certificate is revoked and
 * before half of its validity has passed. It is <b>not</b> the real IGC-Santé nor its TEST branch:
 * every name carries {@code O=VIGIE TEST} so that nothing it issues can pass for a real certificate.
 *
 * <p>The hub's sandbox and the virtual CPS cards use it. Thread-safe.
 *
 * <pre>{@code
 * IgcSanteSandboxCa ca = IgcSanteSandboxCa.create(clock, new SecureRandom());
 * X509Certificate cert = ca.certify("810001234567", "MARTIN", "Claire", cardKey.getPublic());
 * ca.revoke(cert.getSerialNumber());
 * List<X509CRL> crls = ca.crls();   // what the hub distributes
 * }</pre>
 */
public final class IgcSanteSandboxCa {
    public static final String ROOT_NAME = "AC RACINE IGC-SANTE ELEMENTAIRE";
    public static final String PERSONNES_NAME = "AC IGC-SANTE ELEMENTAIRE PERSONNES";
    /** How long a CRL is valid after it is signed; re-signed at half that. */
    public static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final String TEST_ORGANISATION = "VIGIE TEST";

    private final Clock clock;
    private final SecureRandom random;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair personnesKeys;
    private final X509Certificate personnes;
    private final RevocationList rootRevocations = new RevocationList();
    private final RevocationList personnesRevocations = new RevocationList();
    private boolean personnesChanged = true;

    private IgcSanteSandboxCa(Clock clock, SecureRandom random) throws GeneralSecurityException {
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

    /** Builds a new hierarchy (two RSA 2048 key pairs), dated by {@code clock}. */
    public static IgcSanteSandboxCa create(Clock clock, SecureRandom random) {
        try {
            return new IgcSanteSandboxCa(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(random, "random"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the sandbox IGC-Santé hierarchy", e);
        }
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public X509Certificate personnesCertificate() {
        return personnes;
    }

    /** The root as anchor and the intermediate, as a kiosk would be configured with them. */
    public IgcSanteTrust trust() {
        try {
            return IgcSanteTrust.of(List.of(root, personnes));
        } catch (ProvisioningException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issues an authentication certificate from "AC IGC-SANTE ELEMENTAIRE PERSONNES" for a key made
     * elsewhere (on the card): {@code CN=idNatPs}, SURNAME, GIVENNAME, valid three years from a day ago.
     */
    public X509Certificate certify(String idNatPs, String familyName, String givenName, PublicKey holderKey) {
        return certify(idNatPs, familyName, givenName, holderKey, KeyUsage.digitalSignature);
    }

    /** As {@link #certify(String, String, String, PublicKey)} with other key usage bits (tests of refusals). */
    public X509Certificate certify(String idNatPs, String familyName, String givenName, PublicKey holderKey, int keyUsage) {
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(holderKey, "holderKey");
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "FR")
                    .addRDN(BCStyle.O, TEST_ORGANISATION)
                    .addRDN(BCStyle.SURNAME, familyName)
                    .addRDN(BCStyle.GIVENNAME, givenName)
                    .addRDN(BCStyle.CN, idNatPs)
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(personnes, serial(), from(),
                    until(Duration.ofDays(3 * 365)), subject, holderKey);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return sign(builder, holderKey, personnes, false, personnesKeys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a sandbox CPS certificate", e);
        }
    }

    /** A card certificate then the intermediate that issued it, as PEM (what a card holds beside its key). */
    public String chainPem(X509Certificate card) {
        return Pem.certificates(List.of(card, personnes));
    }

    /**
     * Revokes a card certificate (by serial) on the intermediate's CRL.
     *
     * @return false if it was already revoked
     */
    public synchronized boolean revoke(BigInteger serial) {
        boolean added = personnesRevocations.add(serial, clock.instant(), RevocationReason.KEY_COMPROMISE);
        personnesChanged |= added;
        return added;
    }

    /**
     * The current CRLs of the root and of the intermediate; each is re-signed (with the next CRL
     * number) when its list changed or half its validity has passed.
     */
    public synchronized List<X509CRL> crls() {
        Instant now = clock.instant();
        if (due(rootRevocations, now)) {
            rootRevocations.sign(root, rootKeys.getPrivate(), now, CRL_VALIDITY);
        }
        if (personnesChanged || due(personnesRevocations, now)) {
            personnesRevocations.sign(personnes, personnesKeys.getPrivate(), now, CRL_VALIDITY);
            personnesChanged = false;
        }
        return List.of(rootRevocations.current(), personnesRevocations.current());
    }

    private static boolean due(RevocationList list, Instant now) {
        X509CRL current = list.current();
        return current == null || now.isAfter(current.getThisUpdate().toInstant().plus(CRL_VALIDITY.dividedBy(2)));
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
                builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
            }
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuer == null ? 1 : 0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
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
        return Date.from(clock.instant().plus(validity));
    }
}

package fr.vigie.hardware.sim.igcsante;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.provisioning.igcsante.IgcSanteTrust;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Virtual CPS credentials from a locally generated IGC-Santé-like hierarchy (root "AC RACINE
 * IGC-SANTE ELEMENTAIRE" → "AC IGC-SANTE ELEMENTAIRE PERSONNES" → holder certificates whose subject
 * CN is the holder's idNat_PS, RSA 2048, SHA-256). The certification authority itself is
 * provisioning's {@link IgcSanteSandboxCa}, which also revokes and publishes CRLs; this class adds
 * the card side: a key pair generated for each virtual card. It is <b>not</b> the real IGC-Santé,
 * nor its TEST branch: every name carries {@code O=VIGIE TEST}.
 *
 * <p>Used by the virtual CPS cards of the demo and by tests. Thread-safe; {@link #shared()} gives one
 * hierarchy per JVM because RSA key generation takes a while.
 *
 * <pre>{@code
 * CpsCredential doctor = TestIgcSante.shared().issuePersonne("899700000001", "MARTIN", "CLAIRE");
 * VirtualCpsCard card = VirtualCpsCard.builder(doctor).pin("1234").build();
 * }</pre>
 */
public final class TestIgcSante {
    public static final String ROOT_NAME = IgcSanteSandboxCa.ROOT_NAME;
    public static final String PERSONNES_NAME = IgcSanteSandboxCa.PERSONNES_NAME;

    private static TestIgcSante shared;

    private final IgcSanteSandboxCa ca;
    private final SecureRandom random;

    private TestIgcSante(IgcSanteSandboxCa ca, SecureRandom random) {
        this.ca = ca;
        this.random = random;
    }

    /** Builds a new hierarchy (two RSA 2048 key pairs). */
    public static TestIgcSante create(Clock clock, SecureRandom random) {
        return new TestIgcSante(IgcSanteSandboxCa.create(clock, random), random);
    }

    /** Issues virtual cards from an existing authority (e.g. the one a hub sandbox distributes CRLs for). */
    public static TestIgcSante over(IgcSanteSandboxCa ca, SecureRandom random) {
        return new TestIgcSante(Objects.requireNonNull(ca, "ca"), Objects.requireNonNull(random, "random"));
    }

    /** @return the hierarchy shared by this JVM, built on first use with the system clock */
    public static synchronized TestIgcSante shared() {
        if (shared == null) {
            shared = create(Clock.systemUTC(), new SecureRandom());
        }
        return shared;
    }

    public X509Certificate rootCertificate() {
        return ca.rootCertificate();
    }

    public X509Certificate personnesCertificate() {
        return ca.personnesCertificate();
    }

    /** The certification authority: revocation, CRLs. */
    public IgcSanteSandboxCa authority() {
        return ca;
    }

    /** The anchors a kiosk trusting this hierarchy is configured with. */
    public IgcSanteTrust trust() {
        return ca.trust();
    }

    /** Revokes a credential's certificate; it shows in the next {@link #crls()}. */
    public void revoke(CpsCredential credential) {
        ca.revoke(credential.certificate().getSerialNumber());
    }

    /** The current CRLs of the hierarchy's two CAs. */
    public List<X509CRL> crls() {
        return ca.crls();
    }

    /**
     * Issues an authentication credential for a health professional: a fresh RSA 2048 key pair and
     * a certificate from "AC IGC-SANTE ELEMENTAIRE PERSONNES" with {@code CN=idNatPs}.
     */
    public CpsCredential issuePersonne(String idNatPs, String familyName, String givenName) {
        Objects.requireNonNull(idNatPs, "idNatPs");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair holder = generator.generateKeyPair();
            X509Certificate cert = ca.certify(idNatPs, familyName, givenName, holder.getPublic());
            return new CpsCredential(idNatPs, familyName, givenName, holder.getPrivate(), cert,
                    List.of(cert, ca.personnesCertificate(), ca.rootCertificate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a test CPS credential", e);
        }
    }
}

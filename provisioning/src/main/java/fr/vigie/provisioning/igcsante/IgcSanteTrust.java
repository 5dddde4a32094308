package fr.vigie.provisioning.igcsante;

import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The certification authorities a kiosk trusts for health professionals' cards: the IGC-Santé
 * roots ("AC RACINE IGC-SANTE ELEMENTAIRE|STANDARD|FORT") as trust anchors, and the intermediate
 * CAs below them ("AC IGC-SANTE … PERSONNES"), read from PEM (or DER) files. A self-signed CA
 * certificate is an anchor; any other CA certificate is an intermediate, trusted only through a
 * path to an anchor. No certificate is built in: production kiosks are given the roots published
 * by the ANS, the demo the sandbox hierarchy's. Immutable and thread-safe.
 *
 * <pre>{@code
 * IgcSanteTrust trust = IgcSanteTrust.load(List.of(Path.of("/etc/vigie/igc-sante.pem")));
 * }</pre>
 */
public final class IgcSanteTrust {
    private static final int MAX_CERTIFICATES = 64;

    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;

    private IgcSanteTrust(List<X509Certificate> roots, List<X509Certificate> intermediates) {
        this.roots = List.copyOf(roots);
        this.intermediates = List.copyOf(intermediates);
    }

    /** Reads every certificate of {@code pemFiles}; duplicates are kept once. */
    public static IgcSanteTrust load(List<Path> pemFiles) throws IOException, ProvisioningException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path f : pemFiles) {
            all.addAll(Pem.certificateBundle(Files.readAllBytes(f), "trust anchor file " + f));
        }
        return of(all);
    }

    /**
     * Sorts CA certificates into anchors and intermediates.
     *
     * @throws ProvisioningException {@code CERT_WRONG_USAGE} for a certificate that is not a CA,
     *         {@code CERT_UNTRUSTED_ISSUER} when no self-signed root is among them
     */
    public static IgcSanteTrust of(Collection<X509Certificate> certificates) throws ProvisioningException {
        Set<X509Certificate> unique = new LinkedHashSet<>(certificates);
        if (unique.size() > MAX_CERTIFICATES) {
            throw new ProvisioningException(ProvisioningError.CERT_MALFORMED,
                    "at most " + MAX_CERTIFICATES + " trusted CA certificates, got " + unique.size());
        }
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (X509Certificate c : unique) {
            if (c.getBasicConstraints() < 0) {
                throw new ProvisioningException(ProvisioningError.CERT_WRONG_USAGE, "trusted certificate "
                        + c.getSubjectX500Principal() + " is not a CA certificate");
            }
            (selfSigned(c) ? roots : intermediates).add(c);
        }
        if (roots.isEmpty()) {
            throw new ProvisioningException(ProvisioningError.CERT_UNTRUSTED_ISSUER,
                    "the trusted certificates hold no self-signed root CA");
        }
        return new IgcSanteTrust(roots, intermediates);
    }

    /** The roots, as PKIX trust anchors. */
    public Set<TrustAnchor> anchors() {
        return roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toUnmodifiableSet());
    }

    /** Every trusted CA certificate, roots first. */
    public List<X509Certificate> certificates() {
        List<X509Certificate> all = new ArrayList<>(roots);
        all.addAll(intermediates);
        return List.copyOf(all);
    }

    /** Every trusted CA certificate as PEM, roots first (what the hub's sandbox exports to demo kiosks). */
    public String toPem() {
        return Pem.certificates(certificates());
    }

    boolean isRoot(X509Certificate c) {
        return roots.contains(c);
    }

    /** The trusted CA named {@code issuer} whose key verifies {@code signed}, if any. */
    Optional<X509Certificate> issuerOf(X500Principal issuer, SignatureCheck signed) {
        for (X509Certificate ca : certificates()) {
            if (ca.getSubjectX500Principal().equals(issuer) && signed.verifiesWith(ca)) {
                return Optional.of(ca);
            }
        }
        return Optional.empty();
    }

    /** Something signed (a certificate, a CRL) whose signature can be tried against a CA's key. */
    @FunctionalInterface
    interface SignatureCheck {
        boolean verifiesWith(X509Certificate ca);
    }

    static SignatureCheck signatureOf(X509Certificate signed) {
        return ca -> {
            try {
                signed.verify(ca.getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        };
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && signatureOf(c).verifiesWith(c);
    }

    @Override
    public String toString() {
        return "IgcSanteTrust[roots=" + roots.stream().map(r -> IgcSanteValidator.name(r.getSubjectX500Principal()))
                .collect(Collectors.joining("; ")) + ", intermediates=" + intermediates.size() + "]";
    }
}

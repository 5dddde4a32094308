package fr.vigie.provisioning.igcsante;

import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The revocation lists a kiosk holds for the {@link IgcSanteTrust trusted} IGC-Santé CAs, one per
 * CA, kept on disk so that card sign-in keeps checking revocation while the hub is unreachable.
 *
 * <p>A CRL is {@linkplain #offer accepted} only if a trusted CA of the same name signed it, it has
 * a nextUpdate, it is a full CRL (no delta, no critical extension we do not understand) and it is
 * not older than the one held for that CA (CRL number, else thisUpdate): a replayed old CRL cannot
 * un-revoke a card. An accepted CRL is written atomically ({@link AtomicFiles}) before it replaces
 * the one in memory; a rejected one leaves both untouched. Thread-safe.
 *
 * <pre>{@code
 * IgcSanteCrls crls = IgcSanteCrls.open(dataDir.resolve("igc-sante-crls"), trust);
 * crls.offer(Pem.crlBundle(bytesFromHub));   // each CRL checked on its own
 * }</pre>
 */
public final class IgcSanteCrls {
    /** What {@link #offer} did with a CRL. */
    public enum Outcome {
        /** Newer than the one held (or the first for its CA): now in use and on disk. */
        STORED,
        /** The same CRL number (or thisUpdate) as the one held: nothing changed. */
        UNCHANGED
    }

    private static final String SUFFIX = ".crl";

    private final IgcSanteTrust trust;
    private final Path dir;
    private final Map<X500Principal, X509CRL> byIssuer = new ConcurrentHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    private IgcSanteCrls(IgcSanteTrust trust, Path dir) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.dir = dir;
    }

    /**
     * Opens the cache in {@code dir} (created owner-only if missing) and reloads the CRLs stored there;
     * a stored file that no longer passes the checks (e.g. the anchors changed) is skipped and named
     * in {@link #skipped()}.
     */
    public static IgcSanteCrls open(Path dir, IgcSanteTrust trust) throws IOException {
        AtomicFiles.createPrivateDirectory(dir);
        IgcSanteCrls crls = new IgcSanteCrls(trust, dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    crls.accept(Pem.parseCrl(Files.readAllBytes(f)), false);
                } catch (CRLException | ProvisioningException e) {
                    crls.skipped.add(f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return crls;
    }

    /** A cache that keeps nothing on disk (tests, the hub's own checks). */
    public static IgcSanteCrls inMemory(IgcSanteTrust trust) {
        return new IgcSanteCrls(trust, null);
    }

    /** Parses a PEM or DER bundle of CRLs, as the hub serves them. */
    public static List<X509CRL> parse(byte[] bundle) throws ProvisioningException {
        return Pem.crlBundle(bundle, "CRL bundle");
    }

    /** Encodes CRLs as a PEM bundle. */
    public static String toPem(List<X509CRL> crls) {
        return Pem.crls(crls);
    }

    /**
     * Checks {@code crl} and, if it is newer than the one held for its CA, stores it.
     *
     * @throws ProvisioningException {@code CRL_INVALID} with the reason; the CRL held is kept
     * @throws IOException if it cannot be written (the CRL held is kept)
     */
    public Outcome offer(X509CRL crl) throws ProvisioningException, IOException {
        Objects.requireNonNull(crl, "crl");
        synchronized (this) {
            return accept(crl, true);
        }
    }

    /** The CRL held for the CA {@code issuer}, if any. */
    public Optional<X509CRL> of(X509Certificate issuer) {
        return Optional.ofNullable(byIssuer.get(issuer.getSubjectX500Principal()))
                .filter(crl -> verifies(crl, issuer));
    }

    /** Every CRL held. */
    public List<X509CRL> all() {
        return List.copyOf(byIssuer.values());
    }

    /** Files found on {@link #open} that were not loaded, each with the reason. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    private Outcome accept(X509CRL crl, boolean write) throws ProvisioningException, IOException {
        X500Principal issuer = crl.getIssuerX500Principal();
        String what = "the CRL of " + IgcSanteValidator.name(issuer);
        Optional<X509Certificate> ca = trust.issuerOf(issuer, c -> verifies(crl, c));
        if (ca.isEmpty()) {
            throw invalid(what + " is not signed by a trusted IGC-Santé CA of that name");
        }
        boolean[] usage = ca.get().getKeyUsage();
        if (usage != null && !usage[6]) {
            throw invalid(what + " is signed by a CA certificate without the cRLSign key usage");
        }
        if (crl.getNextUpdate() == null) {
            throw invalid(what + " has no nextUpdate, so its freshness cannot be judged");
        }
        if (crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null) {
            throw invalid(what + " is a delta CRL; only full CRLs are supported");
        }
        if (crl.getCriticalExtensionOIDs() != null && !crl.getCriticalExtensionOIDs().isEmpty()) {
            throw invalid(what + " has critical extensions " + crl.getCriticalExtensionOIDs() + " that are not supported");
        }
        X509CRL held = byIssuer.get(issuer);
        if (held != null) {
            int order = compare(crl, held);
            if (order < 0) {
                throw invalid(what + " (number " + number(crl) + ", thisUpdate " + crl.getThisUpdate().toInstant()
                        + ") is older than the one held (number " + number(held) + ", thisUpdate "
                        + held.getThisUpdate().toInstant() + ")");
            }
            if (order == 0) {
                return Outcome.UNCHANGED;
            }
        }
        if (write && dir != null) {
            try {
                AtomicFiles.write(dir.resolve(fileName(issuer)), crl.getEncoded());
            } catch (CRLException e) {
                throw invalid(what + " cannot be re-encoded: " + e.getMessage());
            }
        }
        byIssuer.put(issuer, crl);
        return Outcome.STORED;
    }

    private static int compare(X509CRL a, X509CRL b) {
        BigInteger na = number(a);
        BigInteger nb = number(b);
        if (na != null && nb != null) {
            return na.compareTo(nb);
        }
        return a.getThisUpdate().compareTo(b.getThisUpdate());
    }

    /** The CRL number extension, or null. */
    static BigInteger number(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (ext == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean verifies(X509CRL crl, X509Certificate ca) {
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String fileName(X500Principal issuer) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(issuer.getEncoded());
            return HexFormat.of().formatHex(h, 0, 16) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static ProvisioningException invalid(String reason) {
        return new ProvisioningException(ProvisioningError.CRL_INVALID, reason);
    }
}

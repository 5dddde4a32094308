package fr.vigie.hub.igcsante;

import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteTrust;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.igcsante.ProfessionalCertificate;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own check of a health professional's card certificate, the same as a kiosk's sign-in check
 * ({@link IgcSanteValidator}: path to an IGC-Santé root, validity at the hub's clock, digitalSignature,
 * each issuer's CRL, an idNat_PS as CN) but against what the hub trusts: the anchors of
 * {@code hub.igc-sante.anchors} and the CRLs the hub
 * distributes ({@link CrlDistribution}), read afresh at every check so that a revocation applies at once.
 *
 * <p>A kiosk may present the intermediate CAs it knows for the card: they help build the path but are
 * never anchors (a self-issued certificate presented is ignored), so the path still has to end at a
 * configured root. With no anchor at all every card is refused ({@code CERT_UNTRUSTED_ISSUER}). A CRL
 * past its nextUpdate is still used for {@link #CRL_GRACE}, like on kiosks. Thread-safe.
 *
 * <pre>{@code
 * CardCertificates cards = CardCertificates.load(config.igcSanteAnchors(), crlDistribution, clock);
 * ProfessionalCertificate who = cards.validate(cardCertificate, presentedIntermediates);
 * }</pre>
 */
public final class CardCertificates {
    /** How long past its nextUpdate a CRL is still used (the kiosks' default too). */
    public static final Duration CRL_GRACE = Duration.ofHours(48);
    /** Most intermediates a kiosk may present with a card certificate. */
    public static final int MAX_PRESENTED = 4;
    private static final Logger LOG = LoggerFactory.getLogger(CardCertificates.class);

    private final List<X509Certificate> anchors;
    private final CrlDistribution crls;
    private final Clock clock;

    private CardCertificates(List<X509Certificate> anchors, CrlDistribution crls, Clock clock) {
        this.anchors = List.copyOf(anchors);
        this.crls = Objects.requireNonNull(crls, "crls");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (anchors.isEmpty()) {
            LOG.warn("no IGC-Santé anchors (hub.igc-sante.anchors): every card proof presented to the hub is refused");
        }
    }

    /**
     * Reads the anchor files.
     *
     * @throws IOException a file cannot be read
     * @throws ProvisioningException a file holds something other than CA certificates
     */
    public static CardCertificates load(List<Path> anchorFiles, CrlDistribution crls, Clock clock)
            throws IOException, ProvisioningException {
        List<X509Certificate> all = new ArrayList<>();
        if (!anchorFiles.isEmpty()) {
            all.addAll(IgcSanteTrust.load(anchorFiles).certificates());
        }
        return new CardCertificates(all, crls, clock);
    }

    /**
     * @param presented intermediate CAs presented with the card's certificate (may be empty)
     * @return the holder the validated certificate names
     * @throws ProvisioningException the refusal: {@code CERT_REVOKED}, {@code CERT_EXPIRED},
     *     {@code CERT_UNTRUSTED_ISSUER}, {@code CRL_MISSING}, {@code CRL_STALE}…
     */
    public ProfessionalCertificate validate(X509Certificate holder, List<X509Certificate> presented)
            throws ProvisioningException {
        Objects.requireNonNull(holder, "holder");
        if (presented.size() > MAX_PRESENTED) {
            throw new ProvisioningException(ProvisioningError.CERT_CHAIN_INVALID, "at most " + MAX_PRESENTED
                    + " intermediate certificates may come with a card certificate, got " + presented.size());
        }
        List<X509Certificate> cas = new ArrayList<>(anchors);
        for (X509Certificate c : presented) {
            if (c.getBasicConstraints() >= 0 && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
                    && !cas.contains(c)) {
                cas.add(c);
            }
        }
        if (cas.isEmpty()) {
            throw new ProvisioningException(ProvisioningError.CERT_UNTRUSTED_ISSUER,
                    "this hub trusts no IGC-Santé authority (hub.igc-sante.anchors is empty)");
        }
        IgcSanteTrust trust = IgcSanteTrust.of(cas);
        IgcSanteCrls held = IgcSanteCrls.inMemory(trust);
        for (X509CRL crl : crls.crls()) {
            try {
                held.offer(crl);
            } catch (ProvisioningException e) {
                LOG.debug("CRL of {} not used for card checks: {}", crl.getIssuerX500Principal(), e.getMessage());
            } catch (IOException e) {
                throw new IllegalStateException("an in-memory CRL cache wrote to disk", e);
            }
        }
        return new IgcSanteValidator(trust, held, CRL_GRACE, clock).validate(holder);
    }

    /** How many CA certificates the hub trusts for cards. */
    public int anchorCount() {
        return anchors.size();
    }
}

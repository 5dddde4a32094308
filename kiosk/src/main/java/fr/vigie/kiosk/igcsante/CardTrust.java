package fr.vigie.kiosk.igcsante;

import fr.vigie.kiosk.config.CardTrustSettings;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.IgcSanteCertificateCheck;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteTrust;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's trust in clinicians' cards, built once from {@link CardTrustSettings}: the IGC-Santé
 * anchors, the on-disk CRL cache and the {@link CertificateCheck} over them; with a CRL URL, a
 * refresh at start and then every {@code refresh} on its own thread (a slow hub never delays the
 * kiosk's other timers; after a failed refresh, the next try comes within a minute). Without anchors every card is refused ({@code CERT_UNTRUSTED_ISSUER}).
 * Thread-safe.
 *
 * <pre>{@code
 * CardTrust trust = CardTrust.open(config.cardTrust(), config.dataDir(), clock);
 * trust.startRefreshing(new HttpCrlSource(url));
 * new CpsCardAuthenticator(card, trust.certificateCheck(), random);
 * }</pre>
 */
public final class CardTrust implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardTrust.class);
    static final long RETRY_MINUTES = 1;
    static final String NO_ANCHORS = "CERT_UNTRUSTED_ISSUER: no IGC-Santé trust anchors are configured ("
            + CardTrustSettings.ANCHORS + ")";

    private final CardTrustSettings settings;
    private final IgcSanteCrls crls;
    private final CertificateCheck check;
    private volatile CrlRefresher refresher;
    private ScheduledExecutorService refreshThread;

    private CardTrust(CardTrustSettings settings, IgcSanteCrls crls, CertificateCheck check) {
        this.settings = settings;
        this.crls = crls;
        this.check = check;
    }

    /**
     * Loads the anchors and the cached CRLs.
     *
     * @throws KioskConfigException naming {@value CardTrustSettings#ANCHORS} when an anchor file is
     *         unreadable or not IGC-Santé-like CA certificates
     * @throws IOException when the CRL cache directory cannot be created or read
     */
    public static CardTrust open(CardTrustSettings settings, Path dataDir, Clock clock)
            throws KioskConfigException, IOException {
        if (settings.anchors().isEmpty()) {
            LOG.warn("no IGC-Santé trust anchors configured ({}): every card will be refused", CardTrustSettings.ANCHORS);
            return new CardTrust(settings, null, certificate -> Optional.of(NO_ANCHORS));
        }
        IgcSanteTrust trust;
        try {
            trust = IgcSanteTrust.load(settings.anchors());
        } catch (ProvisioningException | IOException e) {
            throw new KioskConfigException(CardTrustSettings.ANCHORS, settings.anchors().toString(),
                    "cannot be used as IGC-Santé trust anchors: " + e.getMessage(), e);
        }
        IgcSanteCrls crls = IgcSanteCrls.open(settings.crlDir(dataDir), trust);
        crls.skipped().forEach(s -> LOG.warn("cached IGC-Santé CRL ignored: {}", s));
        LOG.info("card trust: {}, {} cached CRL(s), stale grace {}", trust, crls.all().size(), settings.staleGrace());
        return new CardTrust(settings, crls, new IgcSanteCertificateCheck(
                new IgcSanteValidator(trust, crls, settings.staleGrace(), clock)));
    }

    /** The check the session's card authenticators use. */
    public CertificateCheck certificateCheck() {
        return check;
    }

    /**
     * Refreshes from {@code source} now, in the background, and then every configured period. Does
     * nothing without anchors. Call at most once.
     */
    public synchronized void startRefreshing(CrlSource source) {
        if (crls == null || refreshThread != null) {
            return;
        }
        useSource(source);
        refreshThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-crl-refresh");
            t.setDaemon(true);
            return t;
        });
        refreshThread.execute(this::refreshAndReschedule);
    }

    /** Sets where {@link #refreshNow()} fetches from, without scheduling anything. */
    synchronized void useSource(CrlSource source) {
        if (crls != null) {
            refresher = new CrlRefresher(source, crls);
        }
    }

    /** Refreshes now on the caller's thread, if a source was given. */
    public Optional<CrlRefresher.Result> refreshNow() {
        CrlRefresher r = refresher;
        return r == null ? Optional.empty() : Optional.of(r.refresh());
    }

    /** One refresh, then the next one a period later, or sooner ({@value #RETRY_MINUTES} min) after a failure. */
    private void refreshAndReschedule() {
        boolean clean = false;
        try {
            clean = refreshNow().map(CrlRefresher.Result::clean).orElse(false);
        } catch (RuntimeException e) {
            LOG.error("IGC-Santé CRL refresh failed", e);
        }
        Duration period = settings.refresh();
        Duration next = clean ? period : Duration.ofMinutes(Math.min(period.toMinutes(), RETRY_MINUTES));
        try {
            refreshThread.schedule(this::refreshAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public synchronized void close() {
        if (refreshThread != null) {
            refreshThread.shutdownNow();
        }
    }
}

package fr.vigie.kiosk.device;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.enrol.EnrolmentState;
import fr.vigie.kiosk.fleet.CertificateRotation;
import fr.vigie.kiosk.fleet.HealthCheck;
import fr.vigie.kiosk.fleet.KioskFleet;
import fr.vigie.kiosk.fleet.Reboot;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.igcsante.CardTrust;
import fr.vigie.kiosk.igcsante.HttpCrlSource;
import fr.vigie.kiosk.igcsante.HubApiCrlSource;
import fr.vigie.kiosk.link.HubLink;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.kiosk.update.MaintenanceWindow;
import fr.vigie.kiosk.update.SoftwareUpdater;
import fr.vigie.kiosk.update.UpdateFiles;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running kiosk (headless for now): its durable outbox and its link to the hub. This is the
 * composition root of the kiosk side: {@link #start} builds the objects with plain constructors.
 *
 * <p>On start the outbox is opened, a {@code kiosk.started} event (with the number of events still
 * waiting from before) is accepted, and the hub link starts connecting in the background; the kiosk
 * works offline meanwhile. Thread-safe: {@link #accept} may be called from any thread.
 *
 * <pre>{@code
 * try (Kiosk kiosk = Kiosk.start(KioskConfig.load(null, Map.of("kiosk.site", "chu-nord", "kiosk.id", "accueil-1")))) {
 *     kiosk.accept(new EventPayload.DemoActivity("badge-tap", 0));   // durable when it returns
 * }
 * }</pre>
 */
public final class Kiosk implements AutoCloseable {
    /** The outbox's file name inside {@link KioskConfig#dataDir()}. */
    public static final String OUTBOX_FILE = "outbox.db";
    /** The software updates' directory in the data directory: the mirror, the request and the result (issue 14). */
    public static final String UPDATES_DIR = "updates";

    /** Where the kiosk with data directory {@code dataDir} keeps its device identity (key and certificate). */
    public static Path identityDirectory(Path dataDir) {
        return dataDir.resolve(KioskIdentity.IDENTITY_DIR);
    }
    private static final Logger log = LoggerFactory.getLogger(Kiosk.class);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final KioskConfig config;
    private final Outbox outbox;
    private final ScheduledExecutorService ownScheduler;
    private final List<Runnable> drainListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HubLink link;
    private KioskIdentity identity;
    private volatile KioskFleet fleet;
    private volatile java.util.function.Supplier<List<String>> readers = List::of;
    /** Whether a clinician is signed in here; until the workstation says, taken as yes (no update starts). */
    private volatile java.util.function.BooleanSupplier clinicianSession = () -> true;
    private CardTrust cardTrust;

    private Kiosk(KioskConfig config, Outbox outbox, ScheduledExecutorService ownScheduler) {
        this.config = config;
        this.outbox = outbox;
        this.ownScheduler = ownScheduler;
    }

    /** Starts a kiosk on the system clock with its own timer thread. */
    public static Kiosk start(KioskConfig config) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-kiosk-timer-" + config.kioskId());
            t.setDaemon(true);
            return t;
        });
        try {
            return start(config, Clock.systemUTC(), scheduler, true);
        } catch (Exception | Error e) {
            scheduler.shutdownNow();
            throw e;
        }
    }

    /**
     * Starts a kiosk on the given clock and scheduler (which the caller owns and shuts down; several
     * kiosks may share one).
     *
     * @throws fr.vigie.kiosk.outbox.OutboxException when the outbox cannot be opened (the message names the file)
     */
    public static Kiosk start(KioskConfig config, Clock clock, ScheduledExecutorService scheduler) throws Exception {
        return start(config, clock, scheduler, false);
    }

    private static Kiosk start(KioskConfig config, Clock clock, ScheduledExecutorService scheduler,
            boolean ownsScheduler) throws Exception {
        Instant startedAt = clock.instant();
        Outbox outbox = Outbox.open(config.dataDir().resolve(OUTBOX_FILE), config.address(), config.outboxCapacity(),
                config.outboxSync(), clock, new EventIdGenerator(clock, new SecureRandom()), CODEC);
        Kiosk kiosk = new Kiosk(config, outbox, ownsScheduler ? scheduler : null);
        try {
            long waiting = outbox.depth();
            try {
                outbox.accept(new EventPayload.KioskStarted(config.softwareVersion(), waiting));
            } catch (OutboxFullException e) {
                log.warn("kiosk {} started with a full outbox, kiosk.started not recorded: {}", config.address(), e);
            }
            kiosk.cardTrust = CardTrust.open(config.cardTrust(), config.dataDir(), clock);
            if (config.hubAccess().enabled()) {
                kiosk.identity = KioskIdentity.open(config, clock, scheduler, () -> kiosk.startLink(clock, scheduler,
                        startedAt));
                kiosk.identity.start();
            } else {
                kiosk.startLink(clock, scheduler, startedAt);
            }
            if (config.cardTrust().crlUrl() != null) {
                kiosk.cardTrust.startRefreshing(new HttpCrlSource(config.cardTrust().crlUrl()));
            } else if (kiosk.identity != null) {
                kiosk.cardTrust.startRefreshing(new HubApiCrlSource(kiosk.identity.hubApi()));
            }
            log.info("kiosk {} started: software {}, outbox {} ({} events were waiting, sync {}), broker {}",
                    config.address(), config.softwareVersion(), outbox.file(), waiting, config.outboxSync(),
                    config.brokerUrl());
            return kiosk;
        } catch (Exception | Error e) {
            if (kiosk.cardTrust != null) {
                kiosk.cardTrust.close();
            }
            outbox.close();
            throw e;
        }
    }

    /** Creates and starts the hub link: at once, or once enrolled when the kiosk uses the device API. */
    private synchronized void startLink(Clock clock, ScheduledExecutorService scheduler, Instant startedAt) {
        if (link != null || closed.get()) {
            return;
        }
        HubLink.Settings settings = new HubLink.Settings(config.address(), config.brokerUrl(), config.publishWindow(),
                config.heartbeatSeconds(), config.softwareVersion(), startedAt,
                identity == null ? null : identity::sslContext);
        HubLink l = new HubLink(settings, outbox, CODEC, clock, scheduler, new SecureRandom(), this::drained);
        try {
            fleet = KioskFleet.attach(l, new KioskFleet.Parts(config.address(), config.dataDir(),
                    config.softwareVersion(), startedAt, outbox::depth, () -> readers.get(),
                    identity == null ? CertificateRotation.NOT_ENROLLED : identity.renewal(this::reconnectLink),
                    Reboot.simulated(), HealthCheck.componentsAccept()), clock, scheduler);
        } catch (IOException e) {
            throw new UncheckedIOException("kiosk " + config.address() + " cannot read its configuration", e);
        }
        if (identity != null) {
            attachUpdater(clock, scheduler);
        }
        l.start();
        link = l;
    }

    /** The software updater of issue 14: takes update-software, reports the last update's outcome now. */
    private void attachUpdater(Clock clock, ScheduledExecutorService scheduler) {
        SoftwareUpdater updater = new SoftwareUpdater(config.address(), new UpdateFiles(config.dataDir()
                .resolve(UPDATES_DIR)), () -> Optional.of(identity.hubApi()), config.softwareVersion(),
                () -> MaintenanceWindow.ANY_TIME, () -> clinicianSession.getAsBoolean(), payload -> {
                    try {
                        outbox.accept(payload);
                    } catch (OutboxFullException e) {
                        log.warn("kiosk {}: software update report not recorded, outbox full: {}", config.address(), e);
                    }
                }, clock, scheduler, SoftwareUpdater.RETRY);
        fleet.softwareUpdates(updater);
        try {
            updater.reportOutcome();
        } catch (IOException e) {
            log.warn("kiosk {}: the last software update's outcome cannot be read: {}", config.address(), e.toString());
        }
    }

    /** Tells the software updater whether a clinician is signed in at this kiosk (no update starts while one is). */
    public void clinicianSession(java.util.function.BooleanSupplier open) {
        clinicianSession = open;
    }

    /** The kiosk's enrolment progress, for its screen; empty when it does not use the device API. */
    public Optional<EnrolmentState> enrolment() {
        return identity == null ? Optional.empty() : Optional.of(identity.enrolment().state());
    }

    /**
     * Re-keys the kiosk now (the {@code rotate-cert} command): new key pair on the kiosk, new
     * certificate from the hub over the device API, MQTT reconnected with it, old one revoked.
     *
     * @throws IllegalStateException when the kiosk does not use the device API or is not enrolled yet
     */
    public void rotateCertificate() throws HubApiException, ProvisioningException, IOException {
        if (identity == null) {
            throw new IllegalStateException("kiosk " + config.address() + " does not use the hub's device API");
        }
        identity.renewal(this::reconnectLink).rotate();
    }

    private void reconnectLink() {
        HubLink l = link;
        if (l != null) {
            l.reconnect();
        }
    }

    public KioskAddress address() {
        return config.address();
    }

    public KioskConfig config() {
        return config;
    }

    /** The hub's device API over mutual TLS, when this kiosk enrols with a hub ({@code kiosk.hub.url}). */
    public Optional<HubApi> hubApi() {
        return identity == null ? Optional.empty() : Optional.of(identity.hubApi());
    }

    /** Trust in clinicians' cards: IGC-Santé anchors, cached CRLs, the session's certificate check. */
    public CardTrust cardTrust() {
        return cardTrust;
    }

    /**
     * Accepts an event: when this returns, the event is committed to the outbox (with the configured
     * sync level's durability) and will be sent to the hub, now or after a reconnection.
     *
     * @throws OutboxFullException when the outbox is at capacity; the event was not accepted and
     *         nothing already accepted was dropped
     * @throws fr.vigie.kiosk.outbox.OutboxException when the outbox is closed or failed
     */
    public EventEnvelope accept(EventPayload payload) throws OutboxFullException {
        EventEnvelope event = outbox.accept(payload);
        HubLink l = link;
        if (l != null) {
            l.eventAccepted();
        }
        return event;
    }

    /** Events accepted and not yet acknowledged by the broker. */
    public long outboxDepth() {
        return outbox.depth();
    }

    /**
     * Why this kiosk cannot accept events right now (its outbox is closed or unreadable), or empty when it can.
     * Being offline is not a problem: the kiosk works offline by design.
     */
    public Optional<String> problem() {
        return outbox.problem();
    }

    /** Sequence number of the last accepted event (0 if none ever was). */
    public long lastAcceptedSeq() {
        return outbox.lastAcceptedSeq();
    }

    /** How many events of this type this kiosk's outbox ever accepted, across restarts. */
    public long acceptedCount(EventType type) {
        return outbox.acceptedCount(type);
    }

    /** The fleet side: signed configuration in force, remote commands; null until the hub link starts (enrolled). */
    public KioskFleet fleet() {
        return fleet;
    }

    /** Sets where the heartbeat and diagnostics read the names of the card readers this kiosk sees. */
    public void reportReaders(java.util.function.Supplier<List<String>> source) {
        this.readers = source;
    }

    /** Whether the hub link is connected right now. */
    public boolean connected() {
        HubLink l = link;
        return l != null && l.connected();
    }

    /** Runs {@code listener} (on the publisher thread; keep it short) each time the outbox becomes empty. */
    public void addDrainListener(Runnable listener) {
        drainListeners.add(listener);
    }

    private void drained() {
        for (Runnable r : drainListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("drain listener of {} failed", config.address(), e);
            }
        }
    }

    /**
     * Publishes a retained OFFLINE status if connected, stops the link and closes the outbox; events
     * not yet acknowledged stay in it for the next start. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (cardTrust != null) {
                cardTrust.close();
            }
            if (identity != null) {
                identity.close();
            }
            HubLink l;
            synchronized (this) {
                l = link;
            }
            if (l != null) {
                l.close();
            }
        } finally {
            outbox.close();
            if (ownScheduler != null) {
                ownScheduler.shutdownNow();
            }
        }
    }
}

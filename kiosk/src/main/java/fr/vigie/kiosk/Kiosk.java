package fr.vigie.kiosk;

import fr.vigie.kiosk.igcsante.CardTrust;
import fr.vigie.kiosk.igcsante.HttpCrlSource;
import fr.vigie.kiosk.link.HubLink;
import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private static final Logger log = LoggerFactory.getLogger(Kiosk.class);
    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private final KioskConfig config;
    private final Outbox outbox;
    private final ScheduledExecutorService ownScheduler;
    private final List<Runnable> drainListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private HubLink link;
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
            if (config.cardTrust().crlUrl() != null) {
                kiosk.cardTrust.startRefreshing(new HttpCrlSource(config.cardTrust().crlUrl()));
            }
            HubLink.Settings settings = new HubLink.Settings(config.address(), config.brokerUrl(),
                    config.publishWindow(), config.heartbeatSeconds(), config.softwareVersion(), startedAt);
            kiosk.link = new HubLink(settings, outbox, CODEC, clock, scheduler, new SecureRandom(), kiosk::drained);
            kiosk.link.start();
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

    public KioskAddress address() {
        return config.address();
    }

    public KioskConfig config() {
        return config;
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
        link.eventAccepted();
        return event;
    }

    /** Events accepted and not yet acknowledged by the broker. */
    public long outboxDepth() {
        return outbox.depth();
    }

    /** Sequence number of the last accepted event (0 if none ever was). */
    public long lastAcceptedSeq() {
        return outbox.lastAcceptedSeq();
    }

    /** How many events of this type this kiosk's outbox ever accepted, across restarts. */
    public long acceptedCount(EventType type) {
        return outbox.acceptedCount(type);
    }

    /** Whether the hub link is connected right now. */
    public boolean connected() {
        return link.connected();
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
            link.close();
        } finally {
            outbox.close();
            if (ownScheduler != null) {
                ownScheduler.shutdownNow();
            }
        }
    }
}

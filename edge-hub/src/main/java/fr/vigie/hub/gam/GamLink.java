package fr.vigie.hub.gam;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.identity.IdentityChanges;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The hub's link to the hospital's patient administration system (GAM): the {@link GamOutbox}, the
 * {@link IdentityChanges} the identity registry tells (which queue messages only when the feed is on), and the
 * sender ({@link GamFeed}) once started. With {@link GamSettings#enabled() the feed off}, nothing is queued or sent.
 * Thread-safe.
 *
 * <pre>{@code
 * GamLink gam = GamLink.create(config.gam(), dataSource, audit, clock);
 * IdentityRegistry registry = new IdentityRegistry(dataSource, audit, clock, gam.changes());
 * gam.start();   // after the database is migrated
 * }</pre>
 */
public final class GamLink implements AutoCloseable {
    private final GamSettings settings;
    private final DataSource dataSource;
    private final GamOutbox outbox;
    private final Clock clock;
    /** Builds our own messages, checking their fields as HL7 v2.5 defines them. */
    private final HapiContext building = new DefaultHapiContext();
    /** Reads the GAM's answers leniently, as v2.5 whatever version they claim. */
    private final HapiContext reading = new DefaultHapiContext(ValidationContextFactory.noValidation());
    private final IdentityChanges changes;
    private volatile GamFeed feed;

    private GamLink(GamSettings settings, DataSource dataSource, AuditLog audit, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = new GamOutbox(dataSource, audit);
        reading.setModelClassFactory(new CanonicalModelClassFactory(PamMessages.VERSION));
        this.changes = settings.enabled()
                ? new GamChanges(new PamMessages(settings, building.getPipeParser()), outbox, clock, new SecureRandom())
                : IdentityChanges.NONE;
    }

    /** The link configured by {@code settings}; nothing is sent before {@link #start()}. */
    public static GamLink create(GamSettings settings, DataSource dataSource, AuditLog audit, Clock clock) {
        return new GamLink(settings, dataSource, audit, clock);
    }

    /** What the identity registry tells of its changes: queues PAM messages when the feed is on. */
    public IdentityChanges changes() {
        return changes;
    }

    /** The queue, for IT (list, resend). */
    public GamOutbox outbox() {
        return outbox;
    }

    /** The settings in force. */
    public GamSettings settings() {
        return settings;
    }

    /** Starts the sender when the feed is on. Idempotent. */
    public synchronized void start() {
        if (settings.enabled() && feed == null) {
            feed = GamFeed.start(settings, dataSource, outbox, reading.getPipeParser(), clock);
        }
    }

    /** The feed's state: off, or the sender's state and the queue's counts. */
    public GamFeed.Status status() throws SQLException {
        GamFeed f = feed;
        return f != null ? f.status() : new GamFeed.Status(false, settings.destination(), settings.tls(), false, false,
                null, null, null, null, outbox.counts());
    }

    /** Stops the sender (letting the exchange in progress finish), then HAPI's resources. Idempotent. */
    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        closeQuietly(building);
        closeQuietly(reading);
    }

    private static void closeQuietly(HapiContext c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing held that matters
        }
    }
}

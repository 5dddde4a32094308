package fr.vigie.hub.gam;

import ca.uhn.hl7v2.parser.Parser;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link GamOutbox} to the GAM over MLLP, one message at a time, each waiting for its acknowledgement:
 * {@code AA} → delivered; {@code AE}/{@code AR} → refused, kept with the GAM's words for IT
 * ({@link OutboxMessage.State#FAILED}); no usable answer (the GAM unreachable, no answer within
 * {@link GamSettings#ackTimeout()}, an answer about another message) → the connection is closed, the attempt
 * counted, and the same message sent again after a pause that doubles from one second up to
 * {@link GamSettings#retryMax()}, measured on the injected clock.
 *
 * <p>Several hubs may share one database: only the one holding a PostgreSQL session lock sends, so that the order
 * per patient holds; the others wait and take over when it goes. The sender wakes when a registry transaction that
 * queued a message commits ({@code LISTEN}/{@code NOTIFY}), and looks at the queue every few seconds anyway.
 * Nothing it knows matters after a restart: the queue is in the database. A message is marked delivered only after
 * its {@code AA}; a hub killed between the two sends it again (same MSH-10) at its next start, and closing the hub
 * lets the exchange in progress finish first. Thread-safe.
 */
public final class GamFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GamFeed.class);
    /** How often the queue is looked at without a notification, and the sender lock tried by a hub not holding it. */
    static final Duration IDLE_LOOK = Duration.ofSeconds(2);
    private static final Duration WAIT_SLICE = Duration.ofMillis(250);
    private static final String LOCK = "SELECT pg_try_advisory_lock(hashtext('vigie.gam-feed'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('vigie.gam-feed'))";

    private final GamSettings settings;
    private final DataSource dataSource;
    private final GamOutbox outbox;
    private final Parser ackParser;
    private final SSLSocketFactory tls;
    private final Clock clock;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private volatile boolean sending;
    private volatile boolean connected;
    private volatile Instant lastDeliveredAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant nextAttemptAt;
    private MllpConnection connection; // the sender thread's only
    private int failures; // consecutive attempts without a usable answer; the sender thread's only

    /** What the console and {@code ./vigie admin gam status} show. Immutable. */
    public record Status(boolean enabled, String destination, boolean tls, boolean sending, boolean connected,
            Instant lastDeliveredAt, String lastError, Instant lastErrorAt, Instant nextAttemptAt,
            GamOutbox.Counts counts) {
    }

    private GamFeed(GamSettings settings, DataSource dataSource, GamOutbox outbox, Parser ackParser, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.ackParser = ackParser;
        this.tls = GamTls.socketFactory(settings);
        this.clock = clock;
        this.thread = new Thread(this::run, "gam-feed");
        this.thread.setDaemon(true);
    }

    /** Starts sending to {@code settings}' GAM (which must be {@link GamSettings#enabled() enabled}). */
    static GamFeed start(GamSettings settings, DataSource dataSource, GamOutbox outbox, Parser ackParser, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("the GAM feed has no " + GamSettings.HOST);
        }
        GamFeed feed = new GamFeed(Objects.requireNonNull(settings), Objects.requireNonNull(dataSource),
                Objects.requireNonNull(outbox), Objects.requireNonNull(ackParser), Objects.requireNonNull(clock));
        feed.thread.start();
        LOG.info("GAM feed to {} ({}) started", settings.destination(), settings.tls() ? "TLS" : "TCP");
        return feed;
    }

    /** The pause before attempt {@code failures + 1}: 1 s, 2 s, 4 s… at most {@code max}. */
    static Duration backoff(int failures, Duration max) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 30);
        return seconds >= max.toSeconds() ? max : Duration.ofSeconds(seconds);
    }

    /** The feed's state now, with the queue's counts. */
    Status status() throws SQLException {
        return new Status(true, settings.destination(), settings.tls(), sending, connected, lastDeliveredAt, lastError,
                lastErrorAt, nextAttemptAt, outbox.counts());
    }

    private void run() {
        while (running) {
            try (Connection listen = dataSource.getConnection()) {
                if (!holdsLock(listen)) {
                    sending = false;
                    await(clock.instant().plus(IDLE_LOOK), null);
                    continue;
                }
                try {
                    try (Statement s = listen.createStatement()) {
                        s.execute("LISTEN " + GamOutbox.CHANNEL);
                    }
                    sending = true;
                    send(listen.unwrap(PGConnection.class));
                } finally {
                    sending = false;
                    try (Statement s = listen.createStatement()) {
                        s.execute("UNLISTEN *");
                        s.execute(UNLOCK);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("GAM feed: the hub database failed ({}); trying again", e.toString());
                await(clock.instant().plus(IDLE_LOOK), null);
            }
        }
        disconnect();
    }

    private static boolean holdsLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void send(PGConnection notifications) throws SQLException {
        while (running) {
            notifications.getNotifications(); // drain: the queue itself is read next
            Optional<GamOutbox.Pending> next = outbox.next();
            if (next.isEmpty()) {
                await(clock.instant().plus(IDLE_LOOK), notifications);
                continue;
            }
            if (!deliver(next.get())) {
                failures++;
                Instant resume = clock.instant().plus(backoff(failures, settings.retryMax()));
                nextAttemptAt = resume;
                await(resume, null);
                nextAttemptAt = null;
            }
        }
    }

    /** One exchange; false when it got no usable answer (the message stays waiting). */
    private boolean deliver(GamOutbox.Pending m) throws SQLException {
        String answer;
        try {
            if (connection == null) {
                connection = MllpConnection.open(settings.host(), settings.port(), tls);
                connected = true;
            }
            answer = connection.exchange(m.message(), settings.ackTimeout());
        } catch (IOException | RuntimeException e) {
            return attemptFailed(m, "the GAM could not be reached or did not answer: " + e);
        }
        Ack ack;
        try {
            ack = Ack.read(answer, m.controlId(), ackParser);
        } catch (Ack.UnreadableAck e) {
            return attemptFailed(m, e.getMessage());
        }
        Instant now = clock.instant();
        if (ack.accepted()) {
            outbox.delivered(m.messageId(), ack, now);
            lastDeliveredAt = now;
        } else {
            outbox.refused(m.messageId(), ack, now);
            LOG.warn("GAM refused message {} ({} {}): {}; it waits for IT on the GAM feed page", m.messageId(), m.event(),
                    m.controlId(), ack.code());
        }
        failures = 0;
        lastError = null;
        return true;
    }

    private boolean attemptFailed(GamOutbox.Pending m, String error) throws SQLException {
        disconnect();
        Instant now = clock.instant();
        outbox.attemptFailed(m.messageId(), error, now);
        if (lastError == null) {
            LOG.warn("GAM feed to {}: {}; message {} waits and is sent again", settings.destination(), error,
                    m.messageId());
        }
        lastError = error;
        lastErrorAt = now;
        return false;
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing a broken connection
            }
            connection = null;
        }
        connected = false;
    }

    /**
     * Waits until {@code until} on the clock, or until closed; with {@code notifications}, also until the next
     * notification. Polls in short slices, so that a clock a test moves forward is noticed.
     */
    private void await(Instant until, PGConnection notifications) {
        while (running && clock.instant().isBefore(until)) {
            long slice = Math.max(1, Math.min(WAIT_SLICE.toMillis(), Duration.between(clock.instant(), until).toMillis()));
            try {
                if (notifications != null) {
                    var got = notifications.getNotifications((int) slice);
                    if (got != null && got.length > 0) {
                        return;
                    }
                } else {
                    synchronized (wake) {
                        wake.wait(slice);
                    }
                }
            } catch (SQLException e) {
                return; // the caller's next query tells whether the database is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops sending: the exchange in progress ends first (at most {@link GamSettings#ackTimeout()}), so that a
     * message acknowledged is recorded as such. Idempotent.
     */
    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(settings.ackTimeout().plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("GAM feed to {} stopped", settings.destination());
    }
}

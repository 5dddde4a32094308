package fr.vigie.kiosk.link;

import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's MQTT 5 link to its hub. Connects in the background (the kiosk works offline meanwhile),
 * reconnects with capped exponential backoff and jitter, and while connected:
 * <ul>
 * <li>publishes the outbox's events in sequence order at QoS 1 on {@link Topics#event}, at most
 * {@code window} in flight (further capped by the broker's Receive Maximum), deleting each from the
 * outbox once the broker acknowledged it; after a reconnection everything not yet acknowledged is
 * sent again from the oldest (the hub de-duplicates by event id);</li>
 * <li>keeps a retained {@link KioskStatus} on {@link Topics#status}: ONLINE at connect and every
 * {@code heartbeatSeconds}, OFFLINE as last will, and OFFLINE published on {@link #close()};</li>
 * <li>subscribes (QoS 1) to its own {@link Topics#command} and {@link Topics#config} topics, hands what
 * arrives to its {@link Inbound}, and publishes replies on {@link Topics#reply}.</li>
 * </ul>
 * Paho is used for the wire only (clean start, in-memory persistence): the outbox is the source of
 * truth. Thread-safe. Time goes through the injected clock and scheduler.
 */
public final class HubLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HubLink.class);
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final long CLOSE_WAIT_MILLIS = 3_000;
    private static final long RECONNECT_GRACE_MILLIS = 1_000;

    /**
     * What the link needs to know about its kiosk.
     *
     * @param kiosk the kiosk's address (its topics and client id)
     * @param brokerUrl e.g. {@code tcp://127.0.0.1:1883}
     * @param window most events in flight
     * @param heartbeatSeconds interval of the ONLINE status
     * @param softwareVersion reported in the status
     * @param startedAt when the kiosk process started, reported in the status
     * @param tls for an {@code ssl://} broker: gives the mutual-TLS context at each connection attempt
     *        (so that a rotated certificate is used from the next one on); null for a plain broker
     */
    public record Settings(KioskAddress kiosk, String brokerUrl, int window, int heartbeatSeconds,
            String softwareVersion, Instant startedAt, Supplier<SSLContext> tls) {
        public Settings {
            if (brokerUrl != null && brokerUrl.startsWith("ssl://") && tls == null) {
                throw new IllegalArgumentException("broker " + brokerUrl + " needs the kiosk's TLS context");
            }
        }

        /** Settings for a plain {@code tcp://} broker. */
        public Settings(KioskAddress kiosk, String brokerUrl, int window, int heartbeatSeconds, String softwareVersion,
                Instant startedAt) {
            this(kiosk, brokerUrl, window, heartbeatSeconds, softwareVersion, startedAt, null);
        }
    }

    private final Settings settings;
    private final Outbox outbox;
    private final ScheduledExecutorService scheduler;
    private final MqttAsyncClient client;
    private final String statusTopic;
    private final StatusMessages status;
    private final ProtocolCodec codec;
    private volatile Inbound inbound = (channel, payload, retained) -> { };
    private final Backoff backoff;
    private final Publisher publisher;
    private final Object lock = new Object();
    private final Object statusLock = new Object();
    private volatile Session current;
    private long sessions;
    private int attempt;
    private boolean connecting;
    private boolean closing;
    private volatile boolean everConnected;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> heartbeat;
    private IMqttToken connectToken;
    private IMqttToken lastStatus;

    /**
     * Builds the link; nothing happens on the network before {@link #start()}.
     *
     * @param onDrained run on the publisher thread each time a deletion empties the outbox
     * @throws IllegalArgumentException when the broker URL is not one Paho can use
     */
    public HubLink(Settings settings, Outbox outbox, ProtocolCodec codec, Clock clock,
            ScheduledExecutorService scheduler, Random random, Runnable onDrained) {
        this.settings = settings;
        this.outbox = outbox;
        this.scheduler = scheduler;
        KioskAddress kiosk = settings.kiosk();
        try {
            this.client = new MqttAsyncClient(settings.brokerUrl(), "vigie-" + kiosk.site() + "-" + kiosk.kioskId(),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("broker URL '" + settings.brokerUrl() + "' is not usable: " + e, e);
        }
        this.statusTopic = Topics.status(kiosk);
        this.codec = codec;
        this.status = new StatusMessages(kiosk, settings.softwareVersion(), settings.startedAt(),
                settings.heartbeatSeconds(), outbox, codec, clock);
        this.backoff = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30)).withEqualJitter(random);
        this.publisher = new Publisher(outbox, Topics.event(kiosk), client, () -> current, this::sessionFailed,
                onDrained, "vigie-publisher-" + kiosk.site() + "-" + kiosk.kioskId());
        this.client.setCallback(new LinkCallback(this));
    }

    /** Sets who receives commands and configuration bundles; call before {@link #start()}. */
    public void onInbound(Inbound receiver) {
        this.inbound = receiver;
    }

    /** Sets where the heartbeat reads its fleet facts (configuration version, certificate, readers). */
    public void statusFacts(java.util.function.Supplier<StatusFacts> source) {
        status.facts(source);
    }

    /**
     * Publishes {@code reply} at QoS 1 on the kiosk's reply topic, without waiting. Returns false
     * when not connected (the reply is dropped: configuration replies are said again when the
     * retained bundle comes back after reconnecting).
     */
    public boolean reply(Reply reply) {
        if (!connected()) {
            log.info("kiosk {} not connected: reply {} {} dropped", settings.kiosk(), reply.commandId(), reply.code());
            return false;
        }
        MqttMessage m = new MqttMessage(codec.encode(reply));
        m.setQos(1);
        try {
            client.publish(Topics.reply(settings.kiosk()), m);
            return true;
        } catch (MqttException | RuntimeException e) {
            log.warn("kiosk {}: reply {} not sent: {}", settings.kiosk(), reply.commandId(), e.toString());
            return false;
        }
    }

    /** A message on a subscribed topic, from the Paho callback. */
    void received(String topic, MqttMessage message) {
        Topics.Channel channel;
        try {
            Topics.Parsed parsed = Topics.parse(topic);
            if (!parsed.kiosk().equals(settings.kiosk())) {
                log.warn("kiosk {} ignored a message on another kiosk's topic {}", settings.kiosk(), topic);
                return;
            }
            channel = parsed.channel();
        } catch (fr.vigie.protocol.ProtocolException e) {
            log.warn("kiosk {} ignored a message on topic {}: {}", settings.kiosk(), topic, e.getMessage());
            return;
        }
        try {
            inbound.received(channel, message.getPayload(), message.isRetained());
        } catch (RuntimeException e) {
            log.warn("kiosk {}: {} message not handled: {}", settings.kiosk(), channel, e.toString());
        }
    }

    /** Starts the publisher and the first connection attempt; returns at once. */
    public void start() {
        publisher.start();
        synchronized (lock) {
            reconnect = scheduler.schedule(this::connect, 0, TimeUnit.MILLISECONDS);
            heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, settings.heartbeatSeconds(),
                    settings.heartbeatSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Whether the link is connected to the broker right now. */
    public boolean connected() {
        Session s = current;
        return s != null && s.alive() && client.isConnected();
    }

    /** Tells the publisher that the outbox has a new event. Cheap; call after each accept. */
    public void eventAccepted() {
        publisher.wake();
    }

    private void connect() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setWill(statusTopic, status.message(KioskStatus.State.OFFLINE));
        if (settings.tls() != null) {
            try {
                options.setSocketFactory(settings.tls().get().getSocketFactory());
            } catch (RuntimeException e) {
                synchronized (lock) {
                    reconnect = null;
                    connectFailed(e);
                }
                return;
            }
        }
        synchronized (lock) {
            reconnect = null;
            if (closing || connecting || current != null) {
                return;
            }
            connecting = true;
            try {
                connectToken = client.connect(options, null, new ConnectListener());
            } catch (MqttException | RuntimeException e) {
                connecting = false;
                connectFailed(e);
            }
        }
    }

    private final class ConnectListener implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            MqttProperties props = token.getResponseProperties();
            Integer receiveMaximum = props == null ? null : props.getReceiveMaximum();
            int brokerMax = receiveMaximum == null ? 65_535 : receiveMaximum;
            // one slot of the broker's window stays free for the status messages
            int window = Math.max(1, Math.min(settings.window(), brokerMax - 1));
            synchronized (lock) {
                connecting = false;
                if (closing) {
                    return;
                }
                attempt = 0;
                everConnected = true;
                current = new Session(++sessions, window);
            }
            log.info("kiosk {} connected to {} (publish window {}, broker receive maximum {}); {} events to send",
                    settings.kiosk(), settings.brokerUrl(), window, brokerMax, outbox.depth());
            publisher.wake();
            scheduler.execute(HubLink.this::heartbeat);
            subscribe();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            synchronized (lock) {
                connecting = false;
                connectFailed(failure);
            }
        }
    }

    private void subscribe() {
        KioskAddress k = settings.kiosk();
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.command(k), 1),
                new MqttSubscription(Topics.config(k), 1)});
        } catch (MqttException | RuntimeException e) {
            log.warn("kiosk {} cannot subscribe to its command and config topics: {}", k, e.toString());
        }
    }

    /** Under {@link #lock}. */
    private void connectFailed(Throwable failure) {
        if (closing) {
            return;
        }
        if (attempt == 0) {
            log.warn("kiosk {} cannot reach the hub broker at {} ({}); working offline with {} events in the"
                    + " outbox, retrying with backoff", settings.kiosk(), settings.brokerUrl(), failure, outbox.depth());
        } else if (attempt % 10 == 0) {
            log.info("kiosk {} still cannot reach the hub broker at {} after {} attempts ({}); {} events in the outbox",
                    settings.kiosk(), settings.brokerUrl(), attempt + 1, failure, outbox.depth());
        } else {
            log.debug("kiosk {}: connection attempt {} failed: {}", settings.kiosk(), attempt + 1, failure.toString());
        }
        scheduleReconnect();
    }

    /** Under {@link #lock}. */
    private void scheduleReconnect() {
        if (closing || reconnect != null) {
            return;
        }
        Duration delay = backoff.delay(attempt++);
        reconnect = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The connection was lost, or can no longer be trusted to deliver in order: drop it and reconnect. */
    void sessionFailed(Session session, String reason) {
        boolean disconnectFirst;
        synchronized (lock) {
            if (session == null || session != current || closing) {
                return;
            }
            session.end();
            current = null;
            disconnectFirst = client.isConnected();
            log.warn("kiosk {} lost its hub connection ({}); {} events wait in the outbox, reconnecting",
                    settings.kiosk(), reason, outbox.depth());
            if (!disconnectFirst) {
                scheduleReconnect();
            }
        }
        publisher.wake();
        if (disconnectFirst) {
            scheduler.execute(() -> {
                try {
                    client.disconnectForcibly(0, 1_000, false);
                } catch (MqttException | RuntimeException e) {
                    log.debug("forced disconnect of {} failed: {}", settings.kiosk(), e.toString());
                }
                synchronized (lock) {
                    scheduleReconnect();
                }
            });
        }
    }

    /**
     * Drops the current connection a moment later (one second, so that a reply being sent now, such as
     * the {@code rotate-cert} command's, still leaves on it) and connects again, e.g. with a rotated
     * certificate; events not yet acknowledged are sent again on the new connection.
     */
    public void reconnect() {
        scheduler.schedule(() -> {
            Session s = current;
            if (s != null) {
                sessionFailed(s, "reconnecting on request");
            }
        }, RECONNECT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The current session, for the Paho callback. */
    Session session() {
        return current;
    }

    private void heartbeat() {
        synchronized (statusLock) {
            if (closing || !connected() || (lastStatus != null && !lastStatus.isComplete())) {
                return;
            }
            try {
                lastStatus = client.publish(statusTopic, status.message(KioskStatus.State.ONLINE));
            } catch (MqttException | RuntimeException e) {
                log.debug("kiosk {}: heartbeat not sent: {}", settings.kiosk(), e.toString());
            }
        }
    }

    /**
     * Stops the link: stops sending (waiting briefly for the acknowledgements of events in flight),
     * publishes a retained OFFLINE status if connected, disconnects normally (so the broker discards
     * the last will) and releases the client. Events not acknowledged stay in the outbox. Idempotent.
     */
    @Override
    public void close() {
        IMqttToken pendingConnect;
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            cancel(reconnect);
            cancel(heartbeat);
            pendingConnect = connecting ? connectToken : null;
        }
        try {
            publisher.stop(CLOSE_WAIT_MILLIS);
            if (pendingConnect != null) {
                pendingConnect.waitForCompletion((CONNECT_TIMEOUT_SECONDS + 1) * 1_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqttException e) {
            log.debug("kiosk {}: connection attempt ended with {}", settings.kiosk(), e.toString());
        }
        synchronized (statusLock) {
            if (client.isConnected()) {
                try {
                    client.publish(statusTopic, status.message(KioskStatus.State.OFFLINE))
                            .waitForCompletion(CLOSE_WAIT_MILLIS);
                    client.disconnect(CLOSE_WAIT_MILLIS).waitForCompletion(CLOSE_WAIT_MILLIS);
                } catch (MqttException | RuntimeException e) {
                    log.warn("kiosk {} could not say OFFLINE before disconnecting ({}); the broker will publish its"
                            + " last will", settings.kiosk(), e.toString());
                }
            }
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("kiosk {}: MQTT client close: {}", settings.kiosk(), e.toString());
        }
        log.info("kiosk {} link closed{}; {} events left in the outbox", settings.kiosk(),
                everConnected ? "" : " (never connected)", outbox.depth());
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}

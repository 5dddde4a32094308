package fr.vigie.hub.ingest;

import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.db.EventStore;
import fr.vigie.hub.metrics.HubMetrics;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Topics;
import fr.vigie.protocol.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's MQTT ingest. One Paho MQTT 5 client with the hub's credentials, a fixed secret client id,
 * {@code cleanStart=false} and a
 * long session expiry, so that the broker queues kiosk events while the hub is away. It subscribes
 * at QoS 1 to every kiosk's events and to {@code vigie/v1/+/+/status} (retained statuses are not
 * delivered on shared subscriptions). Acknowledgements are manual: a message is acknowledged only
 * after the batch that holds it is committed ({@link BatchWriter}).
 *
 * <p>Events come through the hubs' shared subscription {@code $share/hub/vigie/v1/+/+/event} on an
 * external broker, so that several hubs split them. On the hub's own embedded broker, which no other
 * hub can reach, they come through the plain filter {@code vigie/v1/+/+/event}: HiveMQ CE keeps the
 * in-flight markers of shared-subscription messages across a crash and never delivers those messages
 * again, whereas a plain subscription of a persistent session is redelivered after a restart.
 *
 * <p>It connects, and reconnects after any loss, on its own schedule with backoff (the first
 * connection included, so a hub may start before its broker). Thread-safe.
 *
 * <p>{@link #drainOf} makes an ingest that takes over a <em>former</em> session of the hub instead (the
 * client id of an earlier hub version): it subscribes to nothing and unsubscribes what that session
 * had, so that the broker stops queuing for it, stores what the broker had queued, and
 * {@link #closeEndingSession} then ends the session on the broker.
 */
public final class Ingest implements AutoCloseable {
    /** How long the broker keeps the hub's session, and queues its events, while the hub is away. */
    public static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final long OPERATION_TIMEOUT_MS = 15_000;

    private final String brokerUrl;
    private final HubMqttCredentials credentials;
    private final String clientId;
    private final String eventFilter;
    private final String unusedEventFilter;
    private final boolean drainOnly;
    private volatile long lastMessageNanos = System.nanoTime();
    private final Clock clock;
    private final HubMetrics metrics;
    private final MessageClassifier classifier = new MessageClassifier(new ProtocolCodec());
    private final BlockingQueue<Inbound> queue;
    private final BatchWriter writer;
    private final int receiveMaximum;
    private final ScheduledExecutorService connector;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean connectScheduled = new AtomicBoolean();
    private final Backoff.Retries reconnectBackoff = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(5)).retries();
    private final CountDownLatch firstSubscription = new CountDownLatch(1);
    private volatile MqttAsyncClient client;
    private volatile boolean subscribed;
    private volatile boolean closing;
    private volatile boolean outageLogged;
    private volatile boolean endSessionOnClose;
    private final AtomicBoolean ackFailureLogged = new AtomicBoolean();

    /**
     * @param brokerUrl {@code tcp://host:port}
     * @param credentials the hub's username and password on the broker
     * @param clientId the hub's fixed MQTT client id (its persistent session is keyed by it); secret,
     *        never logged
     * @param store where batches are committed
     * @param metrics counters to update
     * @param clock the hub clock (receipt times, log throttling)
     * @param batchSize largest batch committed at once
     * @param sharedSubscription whether events come through the hubs' shared subscription (external
     *        broker) or the plain filter (the hub's own embedded broker)
     */
    public Ingest(String brokerUrl, HubMqttCredentials credentials, String clientId, EventStore store,
            HubMetrics metrics, Clock clock, int batchSize, boolean sharedSubscription) {
        this(brokerUrl, credentials, clientId, store, metrics, clock, batchSize, sharedSubscription, false);
    }

    /**
     * An ingest that stores what the broker kept for the former session {@code formerClientId} and
     * subscribes to nothing; see {@link #quietFor} and {@link #closeEndingSession}.
     */
    public static Ingest drainOf(String brokerUrl, HubMqttCredentials credentials, String formerClientId,
            EventStore store, HubMetrics metrics, Clock clock, int batchSize) {
        return new Ingest(brokerUrl, credentials, formerClientId, store, metrics, clock, batchSize, false, true);
    }

    private Ingest(String brokerUrl, HubMqttCredentials credentials, String clientId, EventStore store,
            HubMetrics metrics, Clock clock, int batchSize, boolean sharedSubscription, boolean drainOnly) {
        this.drainOnly = drainOnly;
        this.brokerUrl = brokerUrl;
        this.credentials = credentials;
        this.clientId = clientId;
        String shared = Topics.sharedByHubs(Topics.Channel.EVENT);
        String plain = Topics.allKiosks(Topics.Channel.EVENT);
        this.eventFilter = sharedSubscription ? shared : plain;
        this.unusedEventFilter = sharedSubscription ? plain : shared;
        this.clock = clock;
        this.metrics = metrics;
        this.receiveMaximum = Math.max(100, Math.min(65_535, batchSize * 4));
        this.queue = new ArrayBlockingQueue<>(receiveMaximum + 1_000);
        this.writer = new BatchWriter(queue, batchSize, store::write, this::ack, metrics,
                new RejectionLog(clock, Duration.ofSeconds(10), LoggerFactory.getLogger("fr.vigie.hub.ingest.rejected")),
                Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5)).retries());
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-ingest-connector");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the writer and the connection, and waits up to {@code wait} for the subscriptions to be
     * in place. Returns whether they are; if not, connecting goes on in the background.
     */
    public boolean start(Duration wait) throws MqttException, InterruptedException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
        writer.start();
        scheduleConnect(Duration.ZERO);
        return firstSubscription.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether ingest is connected to the broker with its subscriptions in place. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && subscribed && c.isConnected();
    }

    /**
     * Whether this ingest is subscribed (or, for a drain, connected), nothing arrived for {@code quiet}
     * and nothing waits for the writer.
     */
    public boolean quietFor(Duration quiet) {
        return isConnected() && queue.isEmpty() && System.nanoTime() - lastMessageNanos >= quiet.toNanos();
    }

    /**
     * Like {@link #close()}, after which the broker forgets this client's session (session expiry 0 on
     * DISCONNECT): for a drained former session.
     */
    public void closeEndingSession() {
        endSessionOnClose = true;
        close();
    }

    /** Messages received and not yet taken by the writer. */
    public int queueDepth() {
        return queue.size();
    }

    private void scheduleConnect(Duration delay) {
        if (!closing && connectScheduled.compareAndSet(false, true)) {
            try {
                connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                connectScheduled.set(false); // closing meanwhile
            }
        }
    }

    private void connect() {
        connectScheduled.set(false);
        if (closing) {
            return;
        }
        generation.incrementAndGet(); // acknowledgements still pending from an earlier connection are dropped
        try {
            if (!client.isConnected()) {
                client.connect(options()).waitForCompletion(OPERATION_TIMEOUT_MS);
            }
            if (drainOnly) {
                // what the session had queued still comes; nothing new is queued for it any more
                client.unsubscribe(new String[] {eventFilter, unusedEventFilter, Topics.allKiosks(Topics.Channel.STATUS)})
                        .waitForCompletion(OPERATION_TIMEOUT_MS);
                subscribed = true;
                firstSubscription.countDown();
                return;
            }
            MqttSubscription[] subscriptions = {
                new MqttSubscription(eventFilter, 1),
                new MqttSubscription(Topics.allKiosks(Topics.Channel.STATUS), 1)};
            // a session kept from a hub configured the other way must not receive every event twice
            client.unsubscribe(unusedEventFilter).waitForCompletion(OPERATION_TIMEOUT_MS);
            IMqttToken token = client.subscribe(subscriptions);
            token.waitForCompletion(OPERATION_TIMEOUT_MS);
            for (int code : token.getReasonCodes()) {
                if (code >= 0x80) {
                    throw new MqttException(code);
                }
            }
            subscribed = true;
            reconnectBackoff.reset();
            LOG.info("ingest connected to {}, events from {}", brokerUrl, eventFilter);
            outageLogged = false;
            ackFailureLogged.set(false);
            firstSubscription.countDown();
        } catch (MqttException e) {
            subscribed = false;
            Duration delay = reconnectBackoff.next();
            if (!outageLogged) {
                LOG.warn("ingest cannot connect to {} ({}); retrying every few seconds", brokerUrl, e.getMessage());
                outageLogged = true;
            }
            disconnectQuietly();
            scheduleConnect(delay);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        credentials.applyTo(o);
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        o.setAutomaticReconnect(false); // reconnection is ours: Paho's does not cover the first connect
        o.setKeepAliveInterval(20);
        o.setConnectionTimeout(10);
        o.setReceiveMaximum(receiveMaximum); // never more unacknowledged messages than the queue holds
        return o;
    }

    private void ack(Inbound m) {
        if (m.qos() == 0) {
            return;
        }
        if (m.generation() != generation.get()) {
            metrics.acksDropped().inc(); // the broker delivers it again on the new connection
            return;
        }
        try {
            client.messageArrivedComplete(m.messageId(), m.qos());
        } catch (MqttException | RuntimeException e) {
            metrics.acksDropped().inc();
            if (!ackFailureLogged.getAndSet(true)) {
                LOG.warn("acknowledgements are not getting through ({}); the broker will deliver those messages"
                        + " again", e.toString());
            }
        }
    }

    private void endSession() {
        MqttProperties expireNow = new MqttProperties();
        expireNow.setSessionExpiryInterval(0L);
        try {
            if (client.isConnected()) {
                client.disconnect(1000, null, null, 0, expireNow).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.warn("could not end the former ingest session on {}: {}", brokerUrl, e.toString());
        }
    }

    private void disconnectQuietly() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.toString());
        }
    }

    /**
     * Stops taking messages, lets the writer commit and acknowledge the batch in progress, then
     * disconnects (the session stays on the broker, which queues events until the next start).
     */
    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        try {
            writer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            if (endSessionOnClose) {
                endSession();
            }
            disconnectQuietly();
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("close: {}", e.toString());
            }
        }
        subscribed = false;
    }

    /** Paho's callbacks, all on Paho's single callback thread. */
    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            if (closing) {
                return; // not acknowledged: delivered again after the restart
            }
            lastMessageNanos = System.nanoTime();
            java.time.Instant receivedAt = clock.instant();
            Inbound in = new Inbound(topic, message.getId(), message.getQos(), generation.get(), receivedAt,
                    classifier.classify(topic, message.getPayload(), receivedAt));
            while (!queue.offer(in, 100, TimeUnit.MILLISECONDS)) {
                if (closing) {
                    return;
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            subscribed = false;
            generation.incrementAndGet();
            if (!closing) {
                String why = response.getException() != null ? String.valueOf(response.getException().getMessage())
                        : "reason code " + response.getReturnCode()
                                + (response.getReasonString() != null ? ", " + response.getReasonString() : "");
                LOG.warn("ingest lost its connection to {} ({}); reconnecting", brokerUrl, why);
                outageLogged = true;
                scheduleConnect(reconnectBackoff.next());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error on the ingest connection: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // the hub publishes nothing on this client
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // subscriptions are (re)made by connect(), which also handles the first connection
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}

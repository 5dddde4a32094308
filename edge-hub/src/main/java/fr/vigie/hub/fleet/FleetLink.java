package fr.vigie.hub.fleet;

import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.Reply;
import fr.vigie.protocol.Topics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's MQTT client for fleet traffic (the hub's credentials, client id derived from them for
 * {@value #CLIENT_PURPOSE}): publishes commands and retained configuration bundles,
 * and reads every kiosk's replies (QoS 1, persistent session so that replies wait while the hub is
 * away; through the hubs' shared subscription on an external broker). A reply is handed on only when
 * it names the kiosk whose reply topic it came on. Connects in the background and reconnects on its
 * own. Thread-safe.
 */
final class FleetLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetLink.class);
    private static final long TIMEOUT_MS = 10_000;

    /** The purpose the fleet link's client id is derived for. */
    static final String CLIENT_PURPOSE = "fleet";
    private final MqttAsyncClient client;
    private final HubMqttCredentials credentials;
    private final String replyFilter;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Consumer<Reply> replies;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-fleet-connector");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean closing;

    FleetLink(String brokerUrl, HubMqttCredentials credentials, boolean sharedSubscription, Consumer<Reply> replies)
            throws MqttException {
        this.client = new MqttAsyncClient(brokerUrl, credentials.clientId(CLIENT_PURPOSE), new MemoryPersistence());
        this.credentials = credentials;
        this.replyFilter = sharedSubscription ? Topics.sharedByHubs(Topics.Channel.REPLY)
                : Topics.allKiosks(Topics.Channel.REPLY);
        this.replies = replies;
        client.setCallback(new Callback());
    }

    /** Starts connecting; returns whether connected within {@code wait}. */
    boolean start(Duration wait) throws InterruptedException {
        connector.execute(this::connect);
        return connected.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (closing || client.isConnected()) {
            return;
        }
        MqttConnectionOptions o = new MqttConnectionOptions();
        credentials.applyTo(o);
        o.setCleanStart(false);
        o.setSessionExpiryInterval(Duration.ofDays(7).toSeconds());
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(20);
        try {
            client.connect(o).waitForCompletion(TIMEOUT_MS);
            IMqttToken sub = client.subscribe(replyFilter, 1);
            sub.waitForCompletion(TIMEOUT_MS);
            LOG.info("fleet link connected, replies from {}", replyFilter);
            connected.countDown();
        } catch (MqttException e) {
            LOG.debug("fleet link cannot connect yet: {}", e.toString());
            retry();
        }
    }

    private void retry() {
        if (!closing) {
            connector.schedule(this::connect, 2, TimeUnit.SECONDS);
        }
    }

    /**
     * Publishes at QoS 1 and waits for the broker's acknowledgement.
     *
     * @throws MqttException when the broker is not reachable or refuses it
     */
    void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m).waitForCompletion(TIMEOUT_MS);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                Topics.Parsed parsed = Topics.parse(topic);
                Reply reply = codec.decodeReply(message.getPayload());
                if (parsed.channel() != Topics.Channel.REPLY || !parsed.kiosk().site().equals(reply.site())
                        || !parsed.kiosk().kioskId().equals(reply.kioskId())) {
                    LOG.warn("reply on {} names kiosk {}/{}: ignored", topic, reply.site(), reply.kioskId());
                    return;
                }
                replies.accept(reply);
            } catch (ProtocolException e) {
                LOG.warn("unreadable reply on {} ({}): ignored", topic, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("reply on {} could not be recorded", topic, e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closing) {
                LOG.warn("fleet link lost its broker connection; reconnecting");
                retry();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("fleet link MQTT error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish() waits on each token
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // subscriptions are made in connect()
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("fleet link close: {}", e.toString());
        }
    }
}

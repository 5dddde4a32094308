package fr.vigie.hub.broker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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

/**
 * A Paho MQTT 5 test client that records every message it receives through the client-wide
 * callback (Paho 1.2.5's per-subscription listeners recurse).
 */
final class MqttProbe implements AutoCloseable {
    private static final long WAIT_MS = 30_000;

    record Received(String topic, String payload) {
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private MqttProbe(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects over {@code ssl} (or plain TCP when {@code ssl} is null), clean start, without credentials. */
    static MqttProbe connect(String url, String clientId, SSLContext ssl) throws MqttException {
        return connect(url, clientId, ssl, options -> { });
    }

    /** Connects over {@code ssl} (or plain TCP when {@code ssl} is null), clean start, with {@code credentials}. */
    static MqttProbe connect(String url, String clientId, SSLContext ssl, HubMqttCredentials credentials)
            throws MqttException {
        return connect(url, clientId, ssl, credentials::applyTo);
    }

    /** Connects with the options {@code settings} leaves (clean start unless it changes it). */
    static MqttProbe connect(String url, String clientId, SSLContext ssl,
            java.util.function.Consumer<MqttConnectionOptions> settings) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        MqttProbe probe = new MqttProbe(client);
        client.setCallback(probe.new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(20);
        if (ssl != null) {
            options.setSocketFactory(ssl.getSocketFactory());
        }
        settings.accept(options);
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            closeQuietly(client);
            throw e;
        }
        return probe;
    }

    /** The SUBACK reason code, or the error's reason code when Paho turns a refusal into one. */
    int subscribe(String filter) {
        try {
            IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
            token.waitForCompletion(WAIT_MS);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? -1 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** Publishes at QoS 1 and waits for the PUBACK; returns its reason code or the error's. */
    int publish(String topic, String payload) {
        try {
            IMqttToken token = client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            token.waitForCompletion(WAIT_MS);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** The next message received within {@code millis}, or null. */
    Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next message received, waiting for it; fails when none comes. */
    Received next() throws InterruptedException {
        Received r = received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no message arrived");
        }
        return r;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(5000); // a broker that refused a publish may be gone already
            }
        } catch (MqttException e) {
            // already gone
        }
        try {
            client.close();
        } catch (MqttException e) {
            // already closed
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}

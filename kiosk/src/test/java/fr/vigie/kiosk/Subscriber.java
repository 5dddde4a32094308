package fr.vigie.kiosk;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
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
 * A plain Paho subscriber standing in for the hub: a persistent session (so that it misses nothing
 * across a broker restart) on every kiosk's event and status topics, decoding with the contract's
 * strict codec and recording everything it receives.
 */
final class Subscriber implements AutoCloseable {
    private final ProtocolCodec codec = new ProtocolCodec();
    private final MqttAsyncClient client;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<KioskAddress, List<KioskStatus>> statuses = new ConcurrentHashMap<>();
    private final List<String> rejected = new ArrayList<>();

    Subscriber(String brokerUrl, String clientId) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(new MessageCallback(this::record));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.allKiosks(Topics.Channel.EVENT), 1),
            new MqttSubscription(Topics.allKiosks(Topics.Channel.STATUS), 1)}).waitForCompletion(10_000);
    }

    private void record(String topic, MqttMessage message) {
        try {
            if (topic.endsWith("/event")) {
                EventEnvelope e = codec.decodeEvent(topic, message.getPayload());
                synchronized (events) {
                    events.add(e);
                }
            } else {
                KioskStatus s = codec.decodeStatus(topic, message.getPayload());
                statuses.computeIfAbsent(s.kiosk(), k -> new ArrayList<>());
                List<KioskStatus> list = statuses.get(s.kiosk());
                synchronized (list) {
                    list.add(s);
                }
            }
        } catch (Exception e) {
            synchronized (rejected) {
                rejected.add(topic + ": " + e);
            }
        }
    }

    /** Events received from {@code kiosk}, in arrival order (duplicates included). */
    List<EventEnvelope> events(KioskAddress kiosk) {
        synchronized (events) {
            return events.stream().filter(e -> e.kiosk().equals(kiosk)).toList();
        }
    }

    /** Status messages received from {@code kiosk}, in arrival order. */
    List<KioskStatus> statuses(KioskAddress kiosk) {
        List<KioskStatus> list = statuses.getOrDefault(kiosk, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    KioskStatus lastStatus(KioskAddress kiosk) {
        List<KioskStatus> list = statuses(kiosk);
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    List<String> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    /**
     * What a newcomer reads first on {@code kiosk}'s status topic: the retained status, or null if
     * none arrives within 5 s. Uses its own short-lived clean session.
     */
    static KioskStatus retainedStatus(String brokerUrl, KioskAddress kiosk) throws Exception {
        MqttAsyncClient probe = new MqttAsyncClient(brokerUrl, "probe-" + System.nanoTime(), new MemoryPersistence());
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        probe.setCallback(new MessageCallback((topic, message) -> first.complete(message.getPayload())));
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            probe.connect(options).waitForCompletion(10_000);
            probe.subscribe(Topics.status(kiosk), 1).waitForCompletion(10_000);
            byte[] payload = first.get(5, TimeUnit.SECONDS);
            return new ProtocolCodec().decodeStatus(Topics.status(kiosk), payload);
        } catch (TimeoutException e) {
            return null;
        } finally {
            if (probe.isConnected()) {
                probe.disconnect().waitForCompletion(5_000);
            }
            probe.close(true);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }

    /** Paho callback that only cares about messages (Paho 1.2.5's per-subscription listeners are buggy). */
    private record MessageCallback(BiConsumer<String, MqttMessage> onMessage) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage.accept(topic, message);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
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

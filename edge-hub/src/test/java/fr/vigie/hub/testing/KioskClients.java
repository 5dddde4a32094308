package fr.vigie.hub.testing;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.broker.DeviceAccessPolicy;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Kiosks played by plain Paho MQTT 5 clients, each enrolled at the hub's site CA in process and
 * connected to the hub's device listener with mutual TLS, as a real kiosk is: the only way onto a
 * hub's broker. A kiosk is enrolled and connected the first time it is used; all are closed together.
 *
 * <pre>{@code
 * try (KioskClients kiosks = new KioskClients(hub, dir)) {
 *     kiosks.publish(kiosk, Topics.event(kiosk), payload, false);
 * }
 * }</pre>
 */
public final class KioskClients implements AutoCloseable {
    private final EdgeHub hub;
    private final Path dir;
    private final Map<KioskAddress, MqttClient> clients = new LinkedHashMap<>();

    public KioskClients(EdgeHub hub, Path dir) {
        this.hub = hub;
        this.dir = dir;
    }

    /** {@code kiosk}'s connected client, enrolling and connecting it first if needed (clean start). */
    public synchronized MqttClient client(KioskAddress kiosk) throws Exception {
        MqttClient c = clients.get(kiosk);
        if (c == null) {
            DeviceIdentity identity = TestDevices.enrolled(hub.siteCa(), dir, kiosk, Clock.systemUTC());
            c = new MqttClient(hub.deviceMqttUrl().orElseThrow(), DeviceAccessPolicy.clientIdOf(kiosk),
                    new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSocketFactory(identity.sslContext().getSocketFactory());
            c.connect(options);
            clients.put(kiosk, c);
        }
        return c;
    }

    /** Publishes at QoS 1 as {@code kiosk} and waits for the broker's acknowledgement. */
    public void publish(KioskAddress kiosk, String topic, byte[] payload, boolean retained) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client(kiosk).publish(topic, m);
    }

    @Override
    public synchronized void close() {
        for (MqttClient c : clients.values()) {
            try {
                if (c.isConnected()) {
                    c.disconnect();
                }
                c.close();
            } catch (MqttException e) {
                // already gone
            }
        }
        clients.clear();
    }
}

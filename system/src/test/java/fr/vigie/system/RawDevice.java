package fr.vigie.system;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.broker.DeviceAccessPolicy;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * A kiosk's bare MQTT client, for tests that must send what a real kiosk never would (garbage,
 * HTML in a status): enrolled at the hub's site CA in process and connected to the hub's device
 * listener with mutual TLS, the only way onto the hub's broker.
 */
final class RawDevice {
    private RawDevice() {
    }

    /** Connects as {@code kiosk} (clean start); the caller disconnects and closes. */
    static MqttClient connect(EdgeHub hub, Path dir, KioskAddress kiosk) throws Exception {
        DeviceIdentity identity = DeviceIdentity.openOrCreate(dir.resolve("raw-" + kiosk.kioskId()), kiosk,
                "raw device store".toCharArray(), Clock.systemUTC());
        hub.siteCa().enrolInProcess(identity);
        MqttClient client = new MqttClient(hub.deviceMqttUrl().orElseThrow(), DeviceAccessPolicy.clientIdOf(kiosk),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(identity.sslContext().getSocketFactory());
        client.connect(options);
        return client;
    }
}

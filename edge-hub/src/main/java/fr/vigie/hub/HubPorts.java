package fr.vigie.hub;

import fr.vigie.protocol.net.BusyPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP ports a hub built from a {@link HubConfig} listens on, each with the setting that moves it, so
 * that {@link HubMain} can say in one line which one another program holds. Stateless.
 */
final class HubPorts {
    private HubPorts() {
    }

    /** The console and REST API, the device API, and the embedded broker's listeners when the hub runs it. */
    static List<BusyPort.Listener> of(HubConfig config) {
        List<BusyPort.Listener> ports = new ArrayList<>();
        ports.add(new BusyPort.Listener(config.httpBind(), config.httpPort(), HubConfig.HTTP_PORT + " (--http-port)"));
        ports.add(new BusyPort.Listener(config.pki().deviceApiBind(), config.pki().deviceApiPort(),
                HubPkiConfig.DEVICE_API_PORT));
        if (config.embeddedBroker()) {
            ports.add(new BusyPort.Listener("127.0.0.1", config.embeddedMqttPort(), HubConfig.MQTT_PORT + " (--mqtt-port)"));
            if (config.pki().mqttTls()) {
                ports.add(new BusyPort.Listener(config.pki().mqttTlsBind(), config.pki().mqttTlsPort(),
                        HubPkiConfig.MQTT_TLS_PORT));
            }
        }
        return List.copyOf(ports);
    }
}

package fr.vigie.kiosk.link;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's client-wide callback: a lost connection, and the commands and configuration bundles the
 * kiosk subscribes to (acknowledgements arrive on each publish's own listener).
 */
final class LinkCallback implements MqttCallback {
    private static final Logger log = LoggerFactory.getLogger(LinkCallback.class);
    private final HubLink link;

    LinkCallback(HubLink link) {
        this.link = link;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason = response.getException() != null ? response.getException().toString()
                : "broker sent DISCONNECT, reason code " + response.getReturnCode()
                        + (response.getReasonString() != null ? " " + response.getReasonString() : "");
        link.sessionFailed(link.session(), reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT protocol error: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        link.received(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // handled per publish by the publisher's listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // handled by the connect listener
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}

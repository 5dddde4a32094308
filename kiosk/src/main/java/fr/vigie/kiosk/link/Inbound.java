package fr.vigie.kiosk.link;

import fr.vigie.protocol.Topics;

/**
 * Receives what the hub sends the kiosk: commands and configuration bundles. Called on Paho's
 * callback thread: hand the work to another thread, and never wait on the link from here.
 */
@FunctionalInterface
public interface Inbound {
    /**
     * @param channel {@link Topics.Channel#CMD} or {@link Topics.Channel#CONFIG}
     * @param payload the message as received (not yet decoded)
     * @param retained whether the broker sent it as the retained message of the topic
     */
    void received(Topics.Channel channel, byte[] payload, boolean retained);
}

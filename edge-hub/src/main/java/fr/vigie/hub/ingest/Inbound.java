package fr.vigie.hub.ingest;

import java.time.Instant;

/**
 * One received message on its way to the writer: what it decoded to, and what is needed to
 * acknowledge it once committed. Immutable.
 *
 * @param topic the topic it arrived on
 * @param messageId MQTT packet id, for the PUBACK
 * @param qos delivered QoS (0 needs no acknowledgement)
 * @param generation the connection it arrived on; acknowledgements for an earlier connection are not sent
 * @param receivedAt when the hub received it
 * @param decoded what the message is
 */
record Inbound(String topic, int messageId, int qos, long generation, Instant receivedAt, Decoded decoded) {
}

/**
 * Ingest: an MQTT 5 client (Eclipse Paho) with a persistent session, subscribed to every kiosk's
 * events through the hubs' shared subscription and to every kiosk's status, handing messages to a
 * single writer thread that commits them in batches and only then acknowledges them, in arrival order.
 *
 * <p>Messages that break the contract are rejected, never dropped: each is counted by its
 * {@link fr.vigie.protocol.ProtocolError} code, written to the quarantine table, logged once without
 * its content, and acknowledged so that it does not block the queue.
 */
package fr.vigie.hub.ingest;

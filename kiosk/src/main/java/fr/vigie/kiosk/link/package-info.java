/**
 * The kiosk's link to the site hub over MQTT 5 (Eclipse Paho, used only for the wire).
 * {@link fr.vigie.kiosk.link.HubLink} connects in the background, reconnects with capped exponential
 * backoff, publishes the outbox's events in sequence order with a bounded window of QoS 1 publishes,
 * deletes them once acknowledged, and keeps the kiosk's retained status (heartbeat, last will,
 * offline on clean shutdown). Everything else in this package is plumbing.
 */
package fr.vigie.kiosk.link;

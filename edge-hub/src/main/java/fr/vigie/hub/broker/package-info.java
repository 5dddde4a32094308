/**
 * The MQTT broker side of the hub. {@link fr.vigie.hub.broker.EmbeddedBroker} is the HiveMQ
 * Community Edition broker a hub starts when no external broker is configured: MQTT 5 on
 * 127.0.0.1 for the hub's own clients, who log in with {@link fr.vigie.hub.broker.HubMqttCredentials}
 * (nobody else gets in there), file persistence under the hub's data directory so that persistent
 * sessions, their queued messages and retained statuses survive a restart, and, with a
 * {@link fr.vigie.hub.broker.BrokerTls}, a TLS 1.3 device listener with client certificates, the only
 * way kiosks connect. {@link fr.vigie.hub.broker.DeviceAccessPolicy} is the rule both brokers apply
 * (a device speaks and listens only inside its own {@code vigie/v1/{site}/{kioskId}} subtree; only the
 * hub reads the event, status and reply trees and writes commands and configurations);
 * {@link fr.vigie.hub.broker.MosquittoSecurityConfig} writes it as a Mosquitto configuration for sites
 * that run their own broker, and {@link fr.vigie.hub.broker.SiteMosquitto} keeps that configuration
 * and its CRL current for a Mosquitto the hub looks after.
 */
package fr.vigie.hub.broker;

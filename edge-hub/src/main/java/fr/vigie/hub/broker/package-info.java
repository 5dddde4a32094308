/**
 * The embedded MQTT broker (HiveMQ Community Edition) that a hub starts when no external broker is
 * configured: MQTT 5 on 127.0.0.1, file persistence under the hub's data directory so that
 * persistent sessions and their queued messages, and retained statuses, survive a restart.
 */
package fr.vigie.hub.broker;

/**
 * The device registry: which kiosks the hub knows, what they last reported and whether they are
 * online. A kiosk is online when its last status says {@code ONLINE} and its last heartbeat is younger
 * than {@code offlineAfterHeartbeats} times its heartbeat interval, by the hub's injected clock
 * ({@link fr.vigie.hub.device.Presence}).
 */
package fr.vigie.hub.device;

/**
 * The device registry: which kiosks the hub knows, what they last reported and whether they are
 * online. A kiosk is online when its last status says {@code ONLINE} and its last heartbeat is younger
 * than {@code offlineAfterHeartbeats} times its heartbeat interval, by the hub's injected clock
 * ({@link fr.vigie.hub.device.Presence}). {@link fr.vigie.hub.device.DeviceRoles} keeps what IT declared each
 * kiosk to be ({@link fr.vigie.hub.device.DeviceRole}: admission desk or workstation), the hub's word on
 * which kiosks may admit patients.
 */
package fr.vigie.hub.device;

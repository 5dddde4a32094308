/**
 * The device API: the hub's HTTPS listener for kiosks (TLS 1.3, server certificate from the site CA,
 * client certificates wanted). {@link fr.vigie.hub.deviceapi.DeviceApi} serves it,
 * {@link fr.vigie.hub.deviceapi.DeviceCaller} tells a {@code /device/v1/} route which kiosk calls,
 * {@link fr.vigie.hub.deviceapi.DeviceRoutes} is how a hub feature adds routes, and
 * {@link fr.vigie.hub.deviceapi.HubSiteCa} opens the site CA the listener and the broker use.
 */
package fr.vigie.hub.deviceapi;

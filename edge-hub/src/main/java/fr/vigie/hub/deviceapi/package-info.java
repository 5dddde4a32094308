/**
 * The device API: the hub's HTTPS listener for kiosks (TLS 1.3, server certificate from the site CA,
 * client certificates wanted). {@link fr.vigie.hub.deviceapi.DeviceApi} serves it,
 * {@link fr.vigie.hub.deviceapi.DeviceCaller} tells a {@code /device/v1/} route which kiosk calls,
 * {@link fr.vigie.hub.deviceapi.DeviceRoutes} is how a hub feature adds routes, and
 * {@link fr.vigie.hub.deviceapi.DeviceExchange} serves a route of the contract
 * ({@link fr.vigie.protocol.device}) with its codec, status and codes; a route refuses with
 * {@link fr.vigie.hub.deviceapi.DeviceRefused}. Every request passes {@link fr.vigie.hub.http.RequestGate}
 * first (Host among the certificate's names, JSON bodies).
 */
package fr.vigie.hub.deviceapi;

/**
 * The kiosk's side of the hub's device API: {@link fr.vigie.kiosk.hubapi.HubApi}, the HTTPS client (mutual
 * TLS once enrolled) through which every kiosk feature calls a route of the contract
 * ({@link fr.vigie.protocol.device}), and {@link fr.vigie.kiosk.hubapi.HubApiException}, a call that did not
 * succeed, with its code.
 */
package fr.vigie.kiosk.hubapi;

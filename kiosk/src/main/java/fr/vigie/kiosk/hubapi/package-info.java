/**
 * The kiosk's side of the hub's device API: {@link fr.vigie.kiosk.hubapi.HubApi}, an HTTPS JSON
 * client with mutual TLS, through which every kiosk feature calls the hub.
 */
package fr.vigie.kiosk.hubapi;

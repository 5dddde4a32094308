/**
 * The sandbox ApCV (Appli carte Vitale): {@link fr.vigie.hub.sandbox.apcv.ApcvIssuer} signs
 * short-lived ES256 tokens in Vigie's reading of the ApCV QR code, and
 * {@link fr.vigie.hub.sandbox.apcv.ApcvSandboxRoutes} serves them under {@code /sandbox/apcv} so a
 * demo can show one to a kiosk's scanner. Never enabled in production.
 */
package fr.vigie.hub.sandbox.apcv;

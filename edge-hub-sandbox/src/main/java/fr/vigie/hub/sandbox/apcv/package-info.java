/**
 * The sandbox ApCV (Appli carte Vitale): {@link fr.vigie.hub.sandbox.apcv.ApcvIssuer} signs
 * short-lived ES256 tokens in Vigie's reading of the ApCV QR code, and
 * {@link fr.vigie.hub.sandbox.apcv.ApcvSandboxRoutes} serves them under {@code /sandbox/apcv} of the sandbox's server so a
 * demo can show one to a kiosk's scanner; a hub trusts it through {@code hub.apcv.keys-file}. Never on a site.
 */
package fr.vigie.hub.sandbox.apcv;

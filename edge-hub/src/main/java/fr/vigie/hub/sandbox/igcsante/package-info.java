/**
 * The sandbox IGC-Santé: an IGC-Santé-like hierarchy made at hub start
 * ({@link fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa}) whose CRLs the hub distributes like real ones,
 * with routes to export its anchors for demo kiosks, certify virtual cards' keys and revoke a test
 * card. See {@link fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox}.
 */
package fr.vigie.hub.sandbox.igcsante;

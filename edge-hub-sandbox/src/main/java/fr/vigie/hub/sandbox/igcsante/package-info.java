/**
 * The sandbox IGC-Santé: an IGC-Santé-like hierarchy made when the sandbox starts
 * ({@link fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa}), whose anchors and CRLs it writes to files the hub
 * is configured with (and distributes like real ones),
 * with routes to export its anchors for demo kiosks, certify virtual cards' keys and revoke a test
 * card. See {@link fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox}.
 */
package fr.vigie.hub.sandbox.igcsante;

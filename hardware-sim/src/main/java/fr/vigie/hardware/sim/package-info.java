/**
 * What stands in for devices and issuers that cannot be reached here, for the demo and tests only:
 * virtual cards ({@link fr.vigie.hardware.sim.card}), the same behind a real {@code pcscd}
 * ({@link fr.vigie.hardware.sim.pcsc}), the test IGC-Santé ({@link fr.vigie.hardware.sim.igcsante}) and
 * a simulated scanner ({@link fr.vigie.hardware.sim.barcode}). They speak the real protocols (ISO 7816
 * APDUs, PC/SC through vpcd, X.509 profiles) so that hardware's real code runs unchanged against them.
 */
package fr.vigie.hardware.sim;

/**
 * The simulated scanner of the demo and tests ({@link fr.vigie.hardware.sim.barcode.SimulatedScanner}),
 * with the real scanners' shape: its pictures go through hardware's real decoder.
 */
package fr.vigie.hardware.sim.barcode;

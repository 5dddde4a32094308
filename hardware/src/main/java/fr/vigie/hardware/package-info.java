/**
 * Real device I/O behind small interfaces: PC/SC card readers and card profiles, barcode decoding,
 * GPIO, patient labels printed over IPP. The simulators of the same shape (virtual cards, the vpcd bridge, the simulated scanner) live
 * in the {@code hardware-sim} module, and the support tools and benchmarks in {@code system}: nothing
 * here depends on them.
 */
package fr.vigie.hardware;

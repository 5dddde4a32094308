/**
 * Device I/O behind small interfaces: PC/SC card readers and card profiles, barcode decoding,
 * GPIO. Each device has a real implementation and a simulator of the same shape. Filled in by the
 * smart-card, barcode and sign-in work.
 */
package fr.vigie.hardware;

/**
 * Support tools over the barcode layer: {@code ./vigie scan FILE…} ({@link fr.vigie.hardware.barcode.tools.ScanCommand})
 * and {@code ./vigie bench scan} ({@link fr.vigie.hardware.barcode.tools.ScanBench}), which measures read
 * rate and time per frame next to {@code zbarimg} on the same generated pictures.
 */
package fr.vigie.hardware.barcode.tools;

/**
 * {@code ./vigie scan FILE…}: kind and content of every QR/DataMatrix code in pictures
 * ({@link fr.vigie.system.tools.scan.ScanCommand}), INS matricules masked.
 */
package fr.vigie.system.tools.scan;

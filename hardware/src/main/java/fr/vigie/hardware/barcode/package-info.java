/**
 * QR codes and DataMatrix symbols at the kiosk: reading them from camera frames, image files and
 * keyboard-wedge scanners, telling what a payload is, and printing the INS DataMatrix.
 *
 * <ul>
 *   <li>Sources: {@link fr.vigie.hardware.barcode.BarcodeDecoder} (ZXing, images and luminance frames),
 *       and the {@link fr.vigie.hardware.barcode.BarcodeScanner} devices of one shape:
 *       {@link fr.vigie.hardware.barcode.CameraScanner} and {@link fr.vigie.hardware.barcode.KeyboardWedgeScanner}
 *       (the demo's and tests' simulated scanner lives in the {@code hardware-sim} module); all produce
 *       {@link fr.vigie.hardware.barcode.ScannedCode}, and share the listener plumbing of
 *       {@link fr.vigie.hardware.barcode.ScanListeners}.</li>
 *   <li>Meaning: {@link fr.vigie.hardware.barcode.PayloadClassifier} turns a code into a sealed
 *       {@link fr.vigie.hardware.barcode.ScannedPayload}: INS DataMatrix, 2D-Doc, ApCV token,
 *       e-prescription, or unknown with a reason.</li>
 *   <li>Printing: {@link fr.vigie.hardware.barcode.InsDataMatrix#encode} and
 *       {@link fr.vigie.hardware.barcode.BarcodeSymbol} (PNG and SVG with a quiet zone).</li>
 *   <li>Errors: {@link fr.vigie.hardware.barcode.BarcodeError} codes, carried by
 *       {@link fr.vigie.hardware.barcode.BarcodeRejectedException} (the input is refused, with a reason)
 *       and {@link fr.vigie.hardware.barcode.BarcodeFailedException} (a file or device could not be read).</li>
 * </ul>
 *
 * <p>ZXing types never appear in this package's public API.
 */
package fr.vigie.hardware.barcode;

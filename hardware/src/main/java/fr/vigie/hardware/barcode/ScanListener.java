package fr.vigie.hardware.barcode;

/**
 * Receives what a {@link BarcodeScanner} reads. Called on the scanner's thread; keep it short. An
 * exception thrown by a listener is logged and does not stop the scanner.
 */
public interface ScanListener {

    /** A code was read. */
    void scanned(ScannedCode code);

    /** Something was presented but refused, e.g. a wedge line cut off, a picture without a readable code. */
    default void rejected(BarcodeRejectedException reason) {
    }

    /** The device stopped delivering input ({@link BarcodeError#SCANNER_UNAVAILABLE}). */
    default void failed(BarcodeFailedException failure) {
    }
}

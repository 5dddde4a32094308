package fr.vigie.hardware.barcode;

/**
 * A device that reads codes and tells its listeners: a camera ({@link CameraScanner}), a scanner
 * typing like a keyboard ({@link KeyboardWedgeScanner}), or the simulated scanner of the demo and
 * tests ({@code hardware-sim}). All deliver {@link ScannedCode}s, so the kiosk does not care which one it has.
 * Implementations are thread-safe for adding and removing listeners.
 *
 * <pre>{@code
 * scanner.addListener(code -> workflow.onCode(classifier.classify(code)));
 * }</pre>
 */
public interface BarcodeScanner extends AutoCloseable {

    /** Adds a listener; it hears about codes read from now on. */
    void addListener(ScanListener listener);

    /** Removes a listener added before; does nothing for an unknown one. */
    void removeListener(ScanListener listener);

    /** A name for support screens, e.g. "keyboard wedge" or "camera /dev/video0". */
    String name();

    /** Stops delivering codes. Idempotent. */
    @Override
    void close();
}

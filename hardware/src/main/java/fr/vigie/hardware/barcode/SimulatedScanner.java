package fr.vigie.hardware.barcode;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A scanner for the demo and the tests, with the same shape as the real ones: a person (or a test)
 * {@linkplain #present(BarcodeFormat, String) presents a code}, or {@linkplain #presentImage(BufferedImage)
 * holds a picture} in front of it, which goes through the real {@link BarcodeDecoder}; listeners hear
 * exactly what they would from a camera or a wedge, rejections and device loss included.
 * Thread-safe.
 *
 * <pre>{@code
 * SimulatedScanner scanner = new SimulatedScanner("demo scanner");
 * scanner.addListener(listener);
 * scanner.presentImage(dm.symbol().toImage(4));     // an INS DataMatrix label
 * scanner.present(BarcodeFormat.QR_CODE, "ORDO:1234-5678-9012");
 * }</pre>
 */
public final class SimulatedScanner extends ListenedScanner {
    private final BarcodeDecoder decoder = BarcodeDecoder.thorough();

    public SimulatedScanner(String name) {
        super(name);
    }

    /** Reports a code, as if it had been read. */
    public ScannedCode present(BarcodeFormat format, String text) {
        ScannedCode code = new ScannedCode(format, text, ScanSource.SIMULATED);
        listeners.scanned(code);
        return code;
    }

    /**
     * Decodes a picture and reports each code in it, or rejects it with the reason nothing was read.
     *
     * @return the codes read, empty when the picture was rejected
     */
    public List<ScannedCode> presentImage(BufferedImage image) {
        LuminanceFrame frame = LuminanceFrame.of(image);
        List<ScannedCode> codes = decoder.decode(frame, ScanSource.SIMULATED);
        if (codes.isEmpty()) {
            listeners.rejected(DecodePasses.explainNothing(frame));
        }
        codes.forEach(listeners::scanned);
        return codes;
    }

    /** Simulates a device that stops delivering input. */
    public void unplug() {
        listeners.failed(new BarcodeFailedException(BarcodeError.SCANNER_UNAVAILABLE, name() + " was unplugged", null));
    }
}

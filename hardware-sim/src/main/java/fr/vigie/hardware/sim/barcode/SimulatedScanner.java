package fr.vigie.hardware.sim.barcode;

import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeError;
import fr.vigie.hardware.barcode.BarcodeFailedException;
import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.BarcodeScanner;
import fr.vigie.hardware.barcode.LuminanceFrame;
import fr.vigie.hardware.barcode.ScanListener;
import fr.vigie.hardware.barcode.ScanListeners;
import fr.vigie.hardware.barcode.ScanSource;
import fr.vigie.hardware.barcode.ScannedCode;
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
public final class SimulatedScanner implements BarcodeScanner {
    private final BarcodeDecoder decoder = BarcodeDecoder.thorough();
    private final String name;
    private final ScanListeners listeners;

    public SimulatedScanner(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.listeners = new ScanListeners(name);
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
        List<ScannedCode> codes;
        try {
            codes = decoder.require(LuminanceFrame.of(image), ScanSource.SIMULATED);
        } catch (BarcodeRejectedException nothingRead) {
            listeners.rejected(nothingRead);
            return List.of();
        }
        codes.forEach(listeners::scanned);
        return codes;
    }

    /** Simulates a device that stops delivering input. */
    public void unplug() {
        listeners.failed(new BarcodeFailedException(BarcodeError.SCANNER_UNAVAILABLE, name() + " was unplugged", null));
    }

    @Override
    public void addListener(ScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ScanListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        listeners.close();
    }
}

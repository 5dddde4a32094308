package fr.vigie.hardware.barcode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Reads every QR code and DataMatrix in a picture, with ZXing. Stateless and thread-safe: one
 * instance can serve several cameras.
 *
 * <p>It tries the cheap pass first and stops as soon as a pass finds something: the picture as
 * is, then at half size; with {@link Effort#THOROUGH} also the busiest region enlarged twice, a
 * smoothed picture with ZXing's other binarizer, and the half-size picture sheared both ways (a sheet
 * seen at a steep angle). In each pass ZXing's readers go first; a QR code
 * they miss is looked for by a grid reader over ZXing's finder patterns (neighbouring versions,
 * modules sampled from the grey picture), a DataMatrix by its shape (dark blob, L finder, timing
 * pattern); every result comes out of ZXing's decoders, which check the Reed–Solomon codes, so a
 * picture gives the encoded text or nothing. QR codes and DataMatrix are found in any orientation.
 * Several codes per picture are returned, QR codes first, each once. See the hardware README for
 * the read rates and times measured by {@code ScanBench} on pictures of other encoders.
 *
 * <pre>{@code
 * BarcodeDecoder decoder = BarcodeDecoder.thorough();
 * List<ScannedCode> codes = decoder.read(Path.of("label.png"));   // or rejected: BARCODE_NOT_FOUND…
 * List<ScannedCode> inFrame = BarcodeDecoder.fast().decode(new LuminanceFrame(640, 480, y));  // may be empty
 * }</pre>
 */
public final class BarcodeDecoder {

    /** How hard to look. */
    public enum Effort {
        /** Two passes (as is, half size): for a camera loop where the next frame is a few tens of milliseconds away. */
        FAST,
        /** Every pass until something is found: for a still picture or a file. */
        THOROUGH
    }

    private final Effort effort;

    private BarcodeDecoder(Effort effort) {
        this.effort = Objects.requireNonNull(effort, "effort");
    }

    /** A decoder that spends at most two passes per picture (the camera loop's). */
    public static BarcodeDecoder fast() {
        return new BarcodeDecoder(Effort.FAST);
    }

    /** A decoder that tries every pass before giving up. */
    public static BarcodeDecoder thorough() {
        return new BarcodeDecoder(Effort.THOROUGH);
    }

    public Effort effort() {
        return effort;
    }

    /** The codes in a camera frame; empty when none was read. */
    public List<ScannedCode> decode(LuminanceFrame frame) {
        return decode(frame, ScanSource.CAMERA);
    }

    /** The codes in a picture; empty when none was read. */
    public List<ScannedCode> decode(BufferedImage image) {
        return decode(LuminanceFrame.of(image), ScanSource.IMAGE);
    }

    List<ScannedCode> decode(LuminanceFrame frame, ScanSource source) {
        return DecodePasses.run(frame, effort, source);
    }

    /**
     * The codes in a picture, at least one.
     *
     * @throws BarcodeRejectedException {@link BarcodeError#BARCODE_NOT_FOUND} when no code was located,
     *     {@link BarcodeError#BARCODE_UNREADABLE} when one was located but could not be decoded
     */
    public List<ScannedCode> require(BufferedImage image) throws BarcodeRejectedException {
        return require(LuminanceFrame.of(image), ScanSource.IMAGE);
    }

    /**
     * The codes in a frame, at least one, reported as coming from {@code source}: for scanners built on
     * this decoder outside this package (the simulated scanner of the demo and tests).
     *
     * @throws BarcodeRejectedException as {@link #require(BufferedImage)}
     */
    public List<ScannedCode> require(LuminanceFrame frame, ScanSource source) throws BarcodeRejectedException {
        List<ScannedCode> codes = decode(frame, source);
        if (codes.isEmpty()) {
            throw DecodePasses.explainNothing(frame);
        }
        return codes;
    }

    /**
     * The codes in an image file (PNG, JPEG, BMP, GIF), at least one.
     *
     * @throws BarcodeRejectedException {@link BarcodeError#IMAGE_UNREADABLE} when the file is not such
     *     an image, or as {@link #require(BufferedImage)}
     * @throws BarcodeFailedException {@link BarcodeError#IMAGE_IO} when the file cannot be read
     */
    public List<ScannedCode> read(Path file) throws BarcodeException {
        return require(load(file));
    }

    /** Loads an image file, with the same errors as {@link #read(Path)}. */
    public static BufferedImage load(Path file) throws BarcodeException {
        BufferedImage image;
        try {
            if (Files.isDirectory(file)) {
                throw new BarcodeFailedException(BarcodeError.IMAGE_IO, file + " is a directory", null);
            }
            try (InputStream in = Files.newInputStream(file)) {
                image = ImageIO.read(in);
            }
        } catch (NoSuchFileException e) {
            throw new BarcodeFailedException(BarcodeError.IMAGE_IO, "no such file: " + file, e);
        } catch (javax.imageio.IIOException e) {
            throw new BarcodeRejectedException(BarcodeError.IMAGE_UNREADABLE,
                    file + " is a damaged image: " + e.getMessage());
        } catch (IOException e) {
            throw new BarcodeFailedException(BarcodeError.IMAGE_IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new BarcodeRejectedException(BarcodeError.IMAGE_UNREADABLE,
                    file + " is not an image in a format Vigie reads (PNG, JPEG, BMP, GIF)");
        }
        return image;
    }

    @Override
    public String toString() {
        return "BarcodeDecoder[" + effort + "]";
    }
}

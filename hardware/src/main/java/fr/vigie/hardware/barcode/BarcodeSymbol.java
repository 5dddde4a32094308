package fr.vigie.hardware.barcode;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A QR code or square DataMatrix ready to print: its grid of modules, and renderings to a picture,
 * PNG (screens, thermal label printers) and SVG (any size without blur). Renderings include the
 * quiet zone, the blank margin readers need: 2 modules around a DataMatrix (the standard asks 1),
 * 4 around a QR code. Immutable and thread-safe; {@link #toString()} shows the size, not the data.
 *
 * <pre>{@code
 * BarcodeSymbol dm = BarcodeSymbol.dataMatrix(InsDataMatrix.encode(...).text());
 * Files.write(Path.of("label.png"), dm.toPng(6));               // 6 pixels per module
 * Files.writeString(Path.of("label.svg"), dm.toSvg(0.5, "mm"));  // 0.5 mm per module
 * }</pre>
 */
public final class BarcodeSymbol {
    private final BarcodeFormat format;
    private final boolean[][] dark;
    private final int quiet;

    private BarcodeSymbol(BarcodeFormat format, BitMatrix m, int quiet) {
        this.format = format;
        this.quiet = quiet;
        this.dark = new boolean[m.getHeight()][m.getWidth()];
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                dark[y][x] = m.get(x, y);
            }
        }
    }

    /**
     * A square ECC 200 DataMatrix holding {@code text}, one byte per character (ISO-8859-1); GS and
     * other control characters are encoded as such.
     *
     * @throws BarcodeRejectedException {@link BarcodeError#BARCODE_TOO_LONG} when no symbol size holds it
     */
    public static BarcodeSymbol dataMatrix(String text) throws BarcodeRejectedException {
        requireLatin1(text);
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        try {
            return new BarcodeSymbol(BarcodeFormat.DATA_MATRIX,
                    new DataMatrixWriter().encode(text, com.google.zxing.BarcodeFormat.DATA_MATRIX, 0, 0, hints), 2);
        } catch (IllegalArgumentException e) {
            throw new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG,
                    text.length() + " characters do not fit in any DataMatrix size");
        }
    }

    /**
     * A QR code at error-correction level M holding {@code text} (ISO-8859-1 when it fits, else UTF-8).
     *
     * @throws BarcodeRejectedException {@link BarcodeError#BARCODE_TOO_LONG} when no version holds it
     */
    public static BarcodeSymbol qrCode(String text) throws BarcodeRejectedException {
        Objects.requireNonNull(text, "text");
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (text.chars().anyMatch(c -> c > 0xFF)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return new BarcodeSymbol(BarcodeFormat.QR_CODE,
                    new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints), 4);
        } catch (WriterException | IllegalArgumentException e) {
            throw new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG,
                    text.length() + " characters do not fit in a QR code: " + e.getMessage());
        }
    }

    private static void requireLatin1(String text) throws BarcodeRejectedException {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG, "character " + (i + 1)
                        + " is outside ISO-8859-1 and cannot be put in a DataMatrix as a single byte");
            }
        }
    }

    public BarcodeFormat format() {
        return format;
    }

    /** Modules per row, without the quiet zone. */
    public int width() {
        return dark[0].length;
    }

    /** Module rows, without the quiet zone. */
    public int height() {
        return dark.length;
    }

    /** The quiet zone, in modules, added on each side by the renderings. */
    public int quietZone() {
        return quiet;
    }

    /** Whether the module at column {@code x}, row {@code y} (from the top left, without quiet zone) is dark. */
    public boolean isDark(int x, int y) {
        return dark[y][x];
    }

    /** A grey picture, black modules on white, {@code modulePixels} pixels per module, quiet zone included. */
    public BufferedImage toImage(int modulePixels) {
        if (modulePixels < 1) {
            throw new IllegalArgumentException("module size must be at least 1 pixel, got " + modulePixels);
        }
        int w = (width() + 2 * quiet) * modulePixels;
        int h = (height() + 2 * quiet) * modulePixels;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                if (dark[y][x]) {
                    for (int dy = 0; dy < modulePixels; dy++) {
                        int row = ((y + quiet) * modulePixels + dy) * w + (x + quiet) * modulePixels;
                        java.util.Arrays.fill(px, row, row + modulePixels, (byte) 0);
                    }
                }
            }
        }
        image.getRaster().setDataElements(0, 0, w, h, px);
        return image;
    }

    /** {@link #toImage(int)} as PNG bytes. */
    public byte[] toPng(int modulePixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(modulePixels), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG document: a white background the size of the symbol and its quiet zone, and every dark
     * module in one path.
     *
     * @param moduleSize the side of one module, in {@code unit}
     * @param unit an SVG length unit such as {@code mm}, {@code px}, {@code in}
     */
    public String toSvg(double moduleSize, String unit) {
        return SvgWriter.write(this, moduleSize, unit);
    }

    @Override
    public String toString() {
        return "BarcodeSymbol[" + format + " " + width() + "×" + height() + " modules]";
    }
}

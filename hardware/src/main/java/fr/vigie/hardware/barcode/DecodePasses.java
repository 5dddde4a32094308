package fr.vigie.hardware.barcode;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decoding passes behind {@link BarcodeDecoder}. ZXing readers keep state between calls, so a
 * fresh reader is made per pass (they are cheap), which keeps the decoder thread-safe.
 */
final class DecodePasses {
    private static final Map<DecodeHintType, Object> PLAIN = new EnumMap<>(DecodeHintType.class);
    private static final Map<DecodeHintType, Object> HARDER = new EnumMap<>(DecodeHintType.class);

    static {
        HARDER.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }

    /** Horizontal shears only: vertical ones read nothing more on the bench sets (two seeds, strengths 0.7–1.3). */
    private static final double[][] SHEARS = {{0.5, 0}, {-0.5, 0}};
    /** Frames narrower than this are not halved: their modules are small already. */
    private static final int MIN_HALVED_WIDTH = 400;

    private enum Binarizer { HYBRID, GLOBAL }

    private DecodePasses() {
    }

    static List<ScannedCode> run(LuminanceFrame frame, BarcodeDecoder.Effort effort, ScanSource source) {
        Set<ScannedCode> found = new LinkedHashSet<>();
        // 1. ZXing as is, then the QR grid reader on the same binarization (dense codes, small
        //    modules, blur: ZXing's own detector gives up on most of them).
        pass(frame, Binarizer.HYBRID, PLAIN, Qr.ZXING_THEN_GRID, source, found);
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        // 2. Half size: large blurred or noisy modules become sharp ones, and it costs a quarter.
        if (frame.width() >= MIN_HALVED_WIDTH && frame.height() >= MIN_HALVED_WIDTH) {
            pass(frame.halved(), Binarizer.HYBRID, PLAIN, Qr.ZXING_THEN_GRID, source, found);
        }
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        if (effort == BarcodeDecoder.Effort.FAST) {
            return List.copyOf(found);
        }
        // 3. Modules under two pixels: the busiest region enlarged twice.
        for (BusyRegions.Region r : BusyRegions.find(frame, 1)) {
            if ((long) r.width() * r.height() <= (long) frame.width() * frame.height() / 2) {
                pass(frame.doubled(r.left(), r.top(), r.width(), r.height()), Binarizer.HYBRID, PLAIN, Qr.ZXING_THEN_GRID,
                        source, found);
            }
        }
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        // 4. ZXing's other binarizer, trying harder, on a 3×3-smoothed picture.
        pass(frame.smoothed(), Binarizer.GLOBAL, HARDER, Qr.ZXING, source, found);
        // 5. A sheet seen at a steep angle: its finder patterns are sheared; shear them back (at half
        //    size: the near side of such a sheet has big modules, and it costs a quarter).
        LuminanceFrame small = frame.halved();
        for (int i = 0; i < SHEARS.length && found.isEmpty(); i++) {
            pass(small.sheared(SHEARS[i][0], SHEARS[i][1]), Binarizer.HYBRID, PLAIN, Qr.ZXING_THEN_GRID, source, found);
        }
        return List.copyOf(found);
    }

    /** How a pass looks for QR codes. */
    private enum Qr {
        /** Not at all (DataMatrix only). */
        NONE,
        /** ZXing's multi-code reader. */
        ZXING,
        /** ZXing's, then {@link QrGridReader} when it found none. */
        ZXING_THEN_GRID
    }

    private static void pass(LuminanceFrame frame, Binarizer binarizer, Map<DecodeHintType, Object> hints, Qr qr,
            ScanSource source, Set<ScannedCode> found) {
        // One binarization per pass: BinaryBitmap keeps the matrix it computed for the next reader.
        BinaryBitmap bitmap = bitmap(frame, binarizer);
        int before = found.size();
        if (qr == Qr.ZXING_THEN_GRID) {
            gridQr(frame, bitmap, source, found);
        }
        if (qr == Qr.ZXING || found.size() > before) {
            // All the QR codes of the picture (the grid reader reads one).
            try {
                for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                    found.add(new ScannedCode(BarcodeFormat.QR_CODE, r.getText(), source));
                }
            } catch (NotFoundException e) {
                // no other QR code
            }
        }
        try {
            if (found.size() == before) {
                // ZXing's DataMatrix detector grows from the middle of the picture: a QR code there
                // would lead it astray, so it runs only when there is none.
                GenericMultipleBarcodeReader dm = new GenericMultipleBarcodeReader(new DataMatrixReader());
                for (Result r : dm.decodeMultiple(bitmap, hints)) {
                    found.add(new ScannedCode(BarcodeFormat.DATA_MATRIX, r.getText(), source));
                }
                return;
            }
        } catch (NotFoundException e) {
            // none around the middle of the picture
        }
        try {
            // Found by their shape, anywhere, next to a QR code too.
            for (String text : DataMatrixLocator.read(frame, bitmap.getBlackMatrix())) {
                found.add(new ScannedCode(BarcodeFormat.DATA_MATRIX, text, source));
            }
        } catch (NotFoundException e) {
            // nothing dark enough to binarize
        }
    }

    private static void gridQr(LuminanceFrame frame, BinaryBitmap bitmap, ScanSource source, Set<ScannedCode> found) {
        try {
            QrGridReader.read(frame, bitmap.getBlackMatrix())
                    .ifPresent(text -> found.add(new ScannedCode(BarcodeFormat.QR_CODE, text, source)));
        } catch (NotFoundException e) {
            // nothing dark enough to binarize
        }
    }

    private static BinaryBitmap bitmap(LuminanceFrame f, Binarizer binarizer) {
        return bitmap(f, new BusyRegions.Region(0, 0, f.width(), f.height()), binarizer);
    }

    private static BinaryBitmap bitmap(LuminanceFrame f, BusyRegions.Region r, Binarizer binarizer) {
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(f.grey(), f.width(), f.height(), r.left(),
                r.top(), r.width(), r.height(), false);
        return new BinaryBitmap(binarizer == Binarizer.HYBRID ? new HybridBinarizer(source)
                : new GlobalHistogramBinarizer(source));
    }

    /**
     * Why nothing was read: runs single-code readers once more to tell "no code located" from "a code
     * was located but its data could not be corrected". Only called when a person asks why.
     */
    static BarcodeRejectedException explainNothing(LuminanceFrame frame) {
        List<String> damaged = new ArrayList<>();
        for (LuminanceFrame f : List.of(frame, frame.smoothed())) {
            try {
                new QRCodeReader().decode(bitmap(f, Binarizer.HYBRID), HARDER);
            } catch (ChecksumException | FormatException e) {
                damaged.add("QR code");
            } catch (ReaderException e) {
                // not located
            }
            try {
                new DataMatrixReader().decode(bitmap(f, Binarizer.HYBRID), HARDER);
            } catch (ChecksumException | FormatException e) {
                damaged.add("DataMatrix");
            } catch (ReaderException e) {
                // not located
            }
        }
        if (!damaged.isEmpty()) {
            return new BarcodeRejectedException(BarcodeError.BARCODE_UNREADABLE, "a " + damaged.get(0)
                    + " was located but its data could not be decoded or corrected (damaged, blurred or cut off)");
        }
        return new BarcodeRejectedException(BarcodeError.BARCODE_NOT_FOUND, "no QR code or DataMatrix was found in the "
                + frame.width() + "×" + frame.height() + " picture (too small, too blurred, or not there)");
    }
}

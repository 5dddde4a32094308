package fr.vigie.hardware.barcode;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;

/** A ZXing binarizer that hands out a matrix binarized earlier (e.g. a crop of a whole frame's). */
final class BinarizedAlready extends Binarizer {
    private final BitMatrix matrix;

    BinarizedAlready(LuminanceSource source, BitMatrix matrix) {
        super(source);
        this.matrix = matrix;
    }

    @Override
    public BitArray getBlackRow(int y, BitArray row) {
        BitArray out = row != null && row.getSize() >= matrix.getWidth() ? row : new BitArray(matrix.getWidth());
        out.clear();
        for (int x = 0; x < matrix.getWidth(); x++) {
            if (matrix.get(x, y)) {
                out.set(x);
            }
        }
        return out;
    }

    @Override
    public BitMatrix getBlackMatrix() {
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new HybridBinarizer(source);
    }
}

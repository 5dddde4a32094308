package fr.vigie.hardware.barcode;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the modules of a located 2D symbol from the grey picture: the mean of 3×3 points around
 * each module's centre (bilinear), then dark or light by comparison with the modules around it
 * (uneven light) or with the level halfway between the symbol's dark and light modules.
 */
final class ModuleSampler {
    private static final float[] OFFSETS = {0.35f, 0.5f, 0.65f};

    private ModuleSampler() {
    }

    /**
     * Grey level of each module, row after row, or null when the grid leaves the picture.
     *
     * @param toPicture maps module coordinates (0 to {@code size} on each axis) to pixels
     */
    static float[] sample(LuminanceFrame frame, PerspectiveTransform toPicture, int size) {
        return sample(frame, toPicture, size, size);
    }

    /** As {@link #sample(LuminanceFrame, PerspectiveTransform, int)} for {@code columns × rows} modules. */
    static float[] sample(LuminanceFrame frame, PerspectiveTransform toPicture, int columns, int rows) {
        int size = columns;
        int w = frame.width();
        int h = frame.height();
        byte[] g = frame.grey();
        float[] points = new float[2 * size * OFFSETS.length];
        float[] out = new float[size * rows];
        for (int y = 0; y < rows; y++) {
            Arrays.fill(out, y * size, (y + 1) * size, 0);
            for (float dy : OFFSETS) {
                for (int x = 0; x < size; x++) {
                    for (int k = 0; k < OFFSETS.length; k++) {
                        points[2 * (x * OFFSETS.length + k)] = x + OFFSETS[k];
                        points[2 * (x * OFFSETS.length + k) + 1] = y + dy;
                    }
                }
                toPicture.transformPoints(points);
                for (int i = 0; i < points.length; i += 2) {
                    float px = points[i] - 0.5f;
                    float py = points[i + 1] - 0.5f;
                    if (!(px >= -1 && py >= -1 && px <= w && py <= h)) {
                        return null;
                    }
                    int x0 = Math.max(0, Math.min(w - 2, (int) Math.floor(px)));
                    int y0 = Math.max(0, Math.min(h - 2, (int) Math.floor(py)));
                    float fx = Math.max(0, Math.min(1, px - x0));
                    float fy = Math.max(0, Math.min(1, py - y0));
                    int j = y0 * w + x0;
                    float top = (g[j] & 0xFF) * (1 - fx) + (g[j + 1] & 0xFF) * fx;
                    float bottom = (g[j + w] & 0xFF) * (1 - fx) + (g[j + w + 1] & 0xFF) * fx;
                    out[y * size + (i / 2) / OFFSETS.length] += top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }

    /**
     * The modules as dark/light, in the order worth trying: by a local threshold (7×7 modules), by one
     * threshold for the whole symbol, then both again after sharpening (blur spreads each module
     * into its neighbours; subtracting part of their mean undoes some of it).
     */
    static List<BitMatrix> thresholds(float[] samples, int size) {
        return thresholds(samples, size, size);
    }

    /** As {@link #thresholds(float[], int)} for {@code columns × rows} modules. */
    static List<BitMatrix> thresholds(float[] samples, int columns, int rows) {
        float[] sharp = sharpened(samples, columns, rows);
        return List.of(local(samples, columns, rows, 3), global(samples, columns, rows), local(sharp, columns, rows, 3),
                global(sharp, columns, rows));
    }

    private static float[] sharpened(float[] s, int size, int rows) {
        float[] out = new float[s.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                float left = x > 0 ? s[i - 1] : s[i];
                float right = x < size - 1 ? s[i + 1] : s[i];
                float up = y > 0 ? s[i - size] : s[i];
                float down = y < rows - 1 ? s[i + size] : s[i];
                out[i] = s[i] + (s[i] - (left + right + up + down) / 4);
            }
        }
        return out;
    }

    private static BitMatrix local(float[] s, int size, int rows, int radius) {
        BitMatrix bits = new BitMatrix(size, rows);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < size; x++) {
                float sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(rows - 1, y + radius); yy++) {
                    for (int xx = Math.max(0, x - radius); xx <= Math.min(size - 1, x + radius); xx++) {
                        sum += s[yy * size + xx];
                        n++;
                    }
                }
                if (s[y * size + x] * n < sum) {
                    bits.set(x, y);
                }
            }
        }
        return bits;
    }

    private static BitMatrix global(float[] s, int size, int rows) {
        float[] sorted = s.clone();
        Arrays.sort(sorted);
        float threshold = (sorted[sorted.length / 10] + sorted[sorted.length * 9 / 10]) / 2;
        BitMatrix bits = new BitMatrix(size, rows);
        for (int i = 0; i < s.length; i++) {
            if (s[i] < threshold) {
                bits.set(i % size, i / size);
            }
        }
        return bits;
    }
}

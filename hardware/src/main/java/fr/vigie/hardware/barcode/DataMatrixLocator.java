package fr.vigie.hardware.barcode;

import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.datamatrix.decoder.Decoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads DataMatrix symbols where ZXing's detector does not (it grows a white rectangle
 * from one starting point and loses symbols off-centre, tilted, or with text close by). For each of
 * the largest dark blobs of a binarized picture: its convex hull, the quadrilateral of largest area
 * in it, the corner between the two solid sides (the "L" finder), then for each ECC 200 size whose
 * timing pattern (the two alternating sides) agrees, the modules sampled from the grey picture
 * ({@link ModuleSampler}) and ZXing's DataMatrix decoder, which checks every Reed–Solomon block, so a
 * wrong size or corner gives no result rather than a wrong one. Stateless.
 */
final class DataMatrixLocator {
    /** ECC 200 sizes, rows × columns: the squares, then the rectangles. */
    private static final int[][] SIZES = {{10, 10}, {12, 12}, {14, 14}, {16, 16}, {18, 18}, {20, 20}, {22, 22}, {24, 24},
        {26, 26}, {32, 32}, {36, 36}, {40, 40}, {44, 44}, {48, 48}, {52, 52}, {64, 64}, {72, 72}, {80, 80}, {88, 88},
        {96, 96}, {104, 104}, {120, 120}, {132, 132}, {144, 144}, {8, 18}, {8, 32}, {12, 26}, {12, 36}, {16, 36}, {16, 48}};
    private static final int BLOBS_PER_REGION = 2;
    private static final int MIN_BLOB_PIXELS = 150;
    private static final int SIZES_DECODED = 3;

    private DataMatrixLocator() {
    }

    /** The texts of the DataMatrix symbols found in {@code frame} ({@code bits}: its binarization, the same size). */
    static List<String> read(LuminanceFrame frame, BitMatrix bits) {
        return read(frame, bits, List.of(new BusyRegions.Region(0, 0, frame.width(), frame.height())));
    }

    /** The texts of the DataMatrix symbols found in {@code regions} of {@code frame} ({@code bits}: its binarization). */
    static List<String> read(LuminanceFrame frame, BitMatrix bits, List<BusyRegions.Region> regions) {
        List<String> texts = new ArrayList<>();
        for (BusyRegions.Region region : regions) {
            for (int[] hull : blobs(bits, region)) {
                read(frame, bits, hull).filter(t -> !texts.contains(t)).ifPresent(texts::add);
            }
        }
        return texts;
    }

    /**
     * Convex hulls (x0, y0, x1, y1, …) of the largest dark 8-connected blobs in a region, labelled by
     * runs: each row's dark runs are joined to the runs they touch in the row above (union–find).
     */
    private static List<int[]> blobs(BitMatrix bits, BusyRegions.Region r) {
        Runs runs = new Runs();
        com.google.zxing.common.BitArray row = new com.google.zxing.common.BitArray(bits.getWidth());
        int right = r.left() + r.width();
        int previousStart = 0;
        for (int y = r.top(); y < r.top() + r.height(); y++) {
            row = bits.getRow(y, row);
            int rowStart = runs.size;
            int x = row.getNextSet(r.left());
            while (x < right) {
                int end = Math.min(row.getNextUnset(x), right);
                runs.add(y, x, end - 1);
                x = end < right ? row.getNextSet(end) : right;
            }
            // Join with the row above: 8-connected runs overlap once widened by one pixel.
            int a = previousStart;
            for (int b = rowStart; b < runs.size; b++) {
                while (a < rowStart && runs.x1[a] < runs.x0[b] - 1) {
                    a++;
                }
                for (int k = a; k < rowStart && runs.x0[k] <= runs.x1[b] + 1; k++) {
                    runs.union(k, b);
                }
            }
            previousStart = rowStart;
        }
        // Pixels, and first and last row, of each blob.
        int n = runs.size;
        int[] pixels = new int[n];
        int[] top = new int[n];
        int[] bottom = new int[n];
        java.util.Arrays.fill(top, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int root = runs.find(i);
            pixels[root] += runs.x1[i] - runs.x0[i] + 1;
            top[root] = Math.min(top[root], runs.y[i]);
            bottom[root] = Math.max(bottom[root], runs.y[i]);
        }
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (runs.find(i) == i && pixels[i] >= MIN_BLOB_PIXELS) {
                roots.add(i);
            }
        }
        roots.sort(Comparator.comparingInt((Integer i) -> pixels[i]).reversed());
        List<int[]> hulls = new ArrayList<>();
        for (int root : roots.subList(0, Math.min(BLOBS_PER_REGION, roots.size()))) {
            int[] minX = new int[bottom[root] - top[root] + 1];
            int[] maxX = new int[minX.length];
            java.util.Arrays.fill(minX, Integer.MAX_VALUE);
            java.util.Arrays.fill(maxX, -1);
            for (int i = 0; i < n; i++) {
                if (runs.find(i) == root) {
                    int yy = runs.y[i] - top[root];
                    minX[yy] = Math.min(minX[yy], runs.x0[i]);
                    maxX[yy] = Math.max(maxX[yy], runs.x1[i]);
                }
            }
            hulls.add(hull(minX, maxX, 0, top[root]));
        }
        return hulls;
    }

    /** Dark runs of a binarized picture with a union–find over them. */
    private static final class Runs {
        int size;
        int[] y = new int[1024];
        int[] x0 = new int[1024];
        int[] x1 = new int[1024];
        int[] parent = new int[1024];

        void add(int row, int from, int to) {
            if (size == y.length) {
                y = java.util.Arrays.copyOf(y, 2 * size);
                x0 = java.util.Arrays.copyOf(x0, 2 * size);
                x1 = java.util.Arrays.copyOf(x1, 2 * size);
                parent = java.util.Arrays.copyOf(parent, 2 * size);
            }
            y[size] = row;
            x0[size] = from;
            x1[size] = to;
            parent[size] = size;
            size++;
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }

    /** Convex hull (Andrew's monotone chain) of the rows' leftmost and rightmost pixel edges. */
    private static int[] hull(int[] minX, int[] maxX, int dx, int dy) {
        List<long[]> pts = new ArrayList<>();
        for (int y = 0; y < minX.length; y++) {
            if (maxX[y] >= 0) {
                // Pixel edges: a pixel (x, y) covers [x, x+1] × [y, y+1].
                pts.add(new long[] {minX[y] + dx, y + dy});
                pts.add(new long[] {minX[y] + dx, y + dy + 1});
                pts.add(new long[] {maxX[y] + dx + 1, y + dy});
                pts.add(new long[] {maxX[y] + dx + 1, y + dy + 1});
            }
        }
        pts.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        long[][] h = new long[2 * pts.size() + 1][];
        int k = 0;
        for (long[] p : pts) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        for (int i = pts.size() - 2, lower = k + 1; i >= 0; i--) {
            long[] p = pts.get(i);
            while (k >= lower && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        int n = Math.max(0, k - 1);
        int[] out = new int[2 * n];
        for (int i = 0; i < n; i++) {
            out[2 * i] = (int) h[i][0];
            out[2 * i + 1] = (int) h[i][1];
        }
        return out;
    }

    private static long cross(long[] o, long[] a, long[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static Optional<String> read(LuminanceFrame frame, BitMatrix bits, int[] hull) {
        int n = hull.length / 2;
        if (n < 4) {
            return Optional.empty();
        }
        int[] q = largestQuadrilateral(hull, n);
        double[][] c = new double[4][];
        for (int i = 0; i < 4; i++) {
            c[i] = new double[] {hull[2 * q[i]], hull[2 * q[i] + 1]};
        }
        // The finder's corner: between the two adjacent sides with the most ink.
        double[] ink = new double[4];
        double cx = (c[0][0] + c[1][0] + c[2][0] + c[3][0]) / 4;
        double cy = (c[0][1] + c[1][1] + c[2][1] + c[3][1]) / 4;
        for (int i = 0; i < 4; i++) {
            ink[i] = inkAlong(bits, c[i], c[(i + 1) % 4], cx, cy);
        }
        int corner = -1;
        double best = 0;
        for (int i = 0; i < 4; i++) {
            // Corner i+1 lies between side i and side i+1.
            double a = ink[i];
            double b = ink[(i + 1) % 4];
            if (Math.min(a, b) >= 0.7 && a + b > best) {
                best = a + b;
                corner = (i + 1) % 4;
            }
        }
        if (corner < 0) {
            return Optional.empty();
        }
        double[] bl = c[corner];
        double[] p = c[(corner + 1) % 4];
        double[] o = c[(corner + 3) % 4];
        double[] tr = c[(corner + 2) % 4];
        // Image y points down: from the bottom-left, (top-left − BL) × (bottom-right − BL) > 0.
        double z = (p[0] - bl[0]) * (o[1] - bl[1]) - (p[1] - bl[1]) * (o[0] - bl[0]);
        double[] tl = z > 0 ? p : o;
        double[] br = z > 0 ? o : p;
        double left = dist(bl, tl);
        double bottom = dist(bl, br);
        // The top-right corner is the least sure: the hull cuts it (its module is light) and dark timing
        // modules with only light neighbours are not part of the blob. Try the hull's, the one where the
        // top and right edges meet, and the parallelogram's.
        List<double[]> corners = new ArrayList<>();
        corners.add(tr);
        double[] refined = refineTopRight(hull, n, tl, tr, br);
        if (refined != null) {
            corners.add(refined);
        }
        corners.add(new double[] {tl[0] + br[0] - bl[0], tl[1] + br[1] - bl[1]});
        return readCorners(frame, tl, corners, br, bl, left, bottom);
    }

    private static Optional<String> readCorners(LuminanceFrame frame, double[] tl, List<double[]> topRights, double[] br,
            double[] bl, double left, double bottom) {
        record Candidate(int rows, int columns, double agreement, PerspectiveTransform t) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int[] size : SIZES) {
            int rows = size[0];
            int columns = size[1];
            double expected = (double) columns / rows;
            double seen = bottom / left;
            if (seen < expected * 0.6 || seen > expected / 0.6 || bottom / columns < 1.3 || left / rows < 1.3) {
                continue;
            }
            // The top-right corner: the best point around each guess, a quarter module apart.
            double module = bottom / columns;
            double[] at = null;
            double agreement = -1;
            for (double[] guess : topRights) {
                for (int j = -3; j <= 3; j++) {
                    for (int i = -3; i <= 3; i++) {
                        double[] next = {guess[0] + i * 0.25 * module, guess[1] + j * 0.25 * module};
                        double g = timingAgreement(frame, transform(tl, next, br, bl, rows, columns), rows, columns);
                        if (g > agreement) {
                            agreement = g;
                            at = next;
                        }
                    }
                }
            }
            Candidate best = new Candidate(rows, columns, agreement, transform(tl, at, br, bl, rows, columns));
            if (best != null && best.agreement() >= 0.75) {
                candidates.add(best);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::agreement).reversed());
        for (Candidate k : candidates.subList(0, Math.min(SIZES_DECODED, candidates.size()))) {
            float[] samples = ModuleSampler.sample(frame, k.t(), k.columns(), k.rows());
            if (samples == null) {
                continue;
            }
            for (BitMatrix m : ModuleSampler.thresholds(samples, k.columns(), k.rows())) {
                try {
                    return Optional.of(new Decoder().decode(m).getText());
                } catch (ReaderException e) {
                    // another threshold, or another size
                }
            }
        }
        return Optional.empty();
    }

    private static PerspectiveTransform transform(double[] tl, double[] tr, double[] br, double[] bl, int rows,
            int columns) {
        return PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, columns, 0, columns, rows, 0, rows, (float) tl[0],
                (float) tl[1], (float) tr[0], (float) tr[1], (float) br[0], (float) br[1], (float) bl[0], (float) bl[1]);
    }

    /** Share of the top row and right column that alternate as an ECC 200 timing pattern does. */
    private static double timingAgreement(LuminanceFrame frame, PerspectiveTransform t, int rows, int columns) {
        float[] pts = new float[2 * (columns + rows)];
        for (int x = 0; x < columns; x++) {
            pts[2 * x] = x + 0.5f;
            pts[2 * x + 1] = 0.5f;
        }
        for (int y = 0; y < rows; y++) {
            pts[2 * (columns + y)] = columns - 0.5f;
            pts[2 * (columns + y) + 1] = y + 0.5f;
        }
        t.transformPoints(pts);
        float[] v = new float[columns + rows];
        float sum = 0;
        for (int i = 0; i < v.length; i++) {
            int x = (int) pts[2 * i];
            int y = (int) pts[2 * i + 1];
            if (x < 0 || y < 0 || x >= frame.width() || y >= frame.height()) {
                return 0;
            }
            v[i] = frame.grey()[y * frame.width() + x] & 0xFF;
            sum += v[i];
        }
        float mean = sum / v.length;
        int agree = 0;
        for (int x = 0; x < columns; x++) {
            if ((v[x] < mean) == (x % 2 == 0)) {
                agree++;
            }
        }
        for (int y = 0; y < rows; y++) {
            if ((v[columns + y] < mean) == ((rows - 1 - y) % 2 == 0)) {
                agree++;
            }
        }
        return (double) agree / v.length;
    }

    /**
     * The top-right corner module of an ECC 200 symbol is light, so the hull cuts that corner: the
     * corner is where the line along the top row's dark modules meets the one along the right column's.
     */
    private static double[] refineTopRight(int[] hull, int n, double[] tl, double[] tr, double[] br) {
        double[] top = farthestNear(hull, n, tl, tr);
        double[] right = farthestNear(hull, n, br, tr);
        return intersect(tl, top, br, right);
    }

    /** The hull vertex closest to the line {@code from → towards} (within 8 % of its length) that lies farthest along it. */
    private static double[] farthestNear(int[] hull, int n, double[] from, double[] towards) {
        double dx = towards[0] - from[0];
        double dy = towards[1] - from[1];
        double len = Math.hypot(dx, dy);
        double[] best = towards;
        double bestAlong = 0;
        for (int i = 0; i < n; i++) {
            double px = hull[2 * i] - from[0];
            double py = hull[2 * i + 1] - from[1];
            double along = (px * dx + py * dy) / len;
            double off = Math.abs(px * dy - py * dx) / len;
            if (off <= 0.08 * len && along > bestAlong && along <= 1.1 * len) {
                bestAlong = along;
                best = new double[] {hull[2 * i], hull[2 * i + 1]};
            }
        }
        return best;
    }

    private static double[] intersect(double[] a1, double[] a2, double[] b1, double[] b2) {
        double d = (a1[0] - a2[0]) * (b1[1] - b2[1]) - (a1[1] - a2[1]) * (b1[0] - b2[0]);
        if (Math.abs(d) < 1e-9) {
            return null;
        }
        double s = a1[0] * a2[1] - a1[1] * a2[0];
        double t = b1[0] * b2[1] - b1[1] * b2[0];
        return new double[] {(s * (b1[0] - b2[0]) - (a1[0] - a2[0]) * t) / d, (s * (b1[1] - b2[1]) - (a1[1] - a2[1]) * t) / d};
    }

    /** Ink along a side, half a pixel to two pixels inside it (binarized), from 10 % to 90 % of its length. */
    private static double inkAlong(BitMatrix bits, double[] a, double[] b, double cx, double cy) {
        int dark = 0;
        int total = 0;
        for (int i = 0; i <= 40; i++) {
            double f = 0.1 + 0.8 * i / 40;
            double x = a[0] + f * (b[0] - a[0]);
            double y = a[1] + f * (b[1] - a[1]);
            double len = Math.hypot(cx - x, cy - y);
            double inset = Math.max(1.5, 0.015 * dist(a, b));
            int px = (int) (x + (cx - x) / len * inset);
            int py = (int) (y + (cy - y) / len * inset);
            if (px >= 0 && py >= 0 && px < bits.getWidth() && py < bits.getHeight()) {
                total++;
                if (bits.get(px, py)) {
                    dark++;
                }
            }
        }
        return total == 0 ? 0 : (double) dark / total;
    }

    /** Indices of four hull vertices enclosing the largest area (a diagonal, and the farthest vertex on each side). */
    private static int[] largestQuadrilateral(int[] hull, int n) {
        int step = Math.max(1, n / 60);
        double best = -1;
        int[] q = {0, 1, 2, 3};
        for (int a = 0; a < n; a += step) {
            for (int c = a + 2; c < n; c += step) {
                double ax = hull[2 * a];
                double ay = hull[2 * a + 1];
                double dx = hull[2 * c] - ax;
                double dy = hull[2 * c + 1] - ay;
                int bi = -1;
                int di = -1;
                double bArea = 0;
                double dArea = 0;
                for (int i = 0; i < n; i++) {
                    double s = dx * (hull[2 * i + 1] - ay) - dy * (hull[2 * i] - ax);
                    if (i > a && i < c) {
                        if (Math.abs(s) > bArea) {
                            bArea = Math.abs(s);
                            bi = i;
                        }
                    } else if (i != a && i != c && Math.abs(s) > dArea) {
                        dArea = Math.abs(s);
                        di = i;
                    }
                }
                if (bi >= 0 && di >= 0 && bArea + dArea > best) {
                    best = bArea + dArea;
                    q = di > c ? new int[] {a, bi, c, di} : new int[] {di, a, bi, c};
                }
            }
        }
        return q;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}

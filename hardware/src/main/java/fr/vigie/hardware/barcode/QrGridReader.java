package fr.vigie.hardware.barcode;

import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one QR code, also where ZXing's own detector gives up, from ZXing's public parts: ZXing's
 * detector and decoder first; then, from the finder patterns ZXing's finder reported on the way, a
 * grid laid through them (and the bottom-right alignment pattern when found) for each plausible
 * version, its timing patterns checked, module values sampled from the <em>grey</em> picture and
 * compared with their neighbours, and ZXing's decoder, which checks the format and version
 * information (BCH) and every block's Reed–Solomon code, so a wrong grid gives no result rather than
 * a wrong one.
 *
 * <p>Why: ZXing derives the version from the finder distances once and gives up when the figure is
 * off by a little (dense codes, small modules, perspective), and it decodes from its binarized
 * picture, where blurred modules merge. Not thread-safe (ZXing's detector keeps the picture); one
 * instance per frame.
 */
final class QrGridReader extends Detector {
    /** Versions tried on each side of the one the finder distances suggest. */
    private static final int VERSION_SPREAD = 5;
    private static final int MAX_TRIPLES = 3;
    /** Share of the timing patterns that must alternate before a grid is sampled and decoded. */
    private static final double MIN_TIMING_AGREEMENT = 0.6;

    private final LuminanceFrame frame;

    private QrGridReader(BitMatrix binarized, LuminanceFrame frame) {
        super(binarized);
        this.frame = frame;
    }

    /** The text of a QR code in {@code frame}, located on {@code binarized} (the same size). */
    static Optional<String> read(LuminanceFrame frame, BitMatrix binarized) {
        return new QrGridReader(binarized, frame).read();
    }

    private Optional<String> read() {
        List<FinderPattern> candidates = new ArrayList<>();
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.NEED_RESULT_POINT_CALLBACK, (ResultPointCallback) p -> {
            if (p instanceof FinderPattern f) {
                candidates.add(f);
            }
        });
        try {
            // ZXing's own way first (what its QRCodeReader does); the finder patterns it reports on
            // the way are kept for the grids below.
            DetectorResult zxing = detect(hints);
            return Optional.of(new Decoder().decode(zxing.getBits()).getText());
        } catch (ReaderException e) {
            // ZXing could not: lay the grids
        }
        for (ResultPoint[] triple : triples(merge(candidates))) {
            Optional<String> text = readGrid(triple[0], triple[1], triple[2]);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /** Candidates closer than a few modules are the same pattern seen twice. */
    private static List<FinderPattern> merge(List<FinderPattern> candidates) {
        List<FinderPattern> kept = new ArrayList<>();
        for (FinderPattern c : candidates) {
            boolean known = kept.stream().anyMatch(k -> ResultPoint.distance(k, c) < 3 * k.getEstimatedModuleSize());
            if (!known) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Plausible (bottom-left, top-left, top-right) triples, the most square and even first. */
    private static List<ResultPoint[]> triples(List<FinderPattern> c) {
        record Scored(ResultPoint[] points, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        int n = Math.min(c.size(), 16);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    float a = c.get(i).getEstimatedModuleSize();
                    float b = c.get(j).getEstimatedModuleSize();
                    float d = c.get(k).getEstimatedModuleSize();
                    float max = Math.max(a, Math.max(b, d));
                    float min = Math.min(a, Math.min(b, d));
                    if (max > 2.2f * min) {
                        continue;
                    }
                    ResultPoint[] p = {c.get(i), c.get(j), c.get(k)};
                    ResultPoint.orderBestPatterns(p);
                    double side1 = ResultPoint.distance(p[1], p[0]);
                    double side2 = ResultPoint.distance(p[1], p[2]);
                    double diagonal = ResultPoint.distance(p[0], p[2]);
                    double ratio = side1 / side2;
                    double square = diagonal / Math.hypot(side1, side2);
                    double modules = (side1 + side2) / 2 / ((a + b + d) / 3);
                    if (ratio < 0.35 || ratio > 2.9 || square < 0.7 || square > 1.3 || modules < 10 || modules > 180) {
                        continue;
                    }
                    scored.add(new Scored(p, Math.abs(Math.log(ratio)) + Math.abs(square - 1) + (max - min) / max));
                }
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score)).limit(MAX_TRIPLES)
                .map(Scored::points).toList();
    }

    private Optional<String> readGrid(ResultPoint bottomLeft, ResultPoint topLeft, ResultPoint topRight) {
        float moduleSize = calculateModuleSize(topLeft, topRight, bottomLeft);
        if (!(moduleSize >= 1)) {
            return Optional.empty();
        }
        double across = (ResultPoint.distance(topLeft, topRight) + ResultPoint.distance(topLeft, bottomLeft)) / 2 / moduleSize;
        double version = (across + 7 - 17) / 4;
        int nearest = (int) Math.round(version);
        for (int step = 0; step <= 2 * VERSION_SPREAD; step++) {
            // nearest, nearest+1, nearest-1, nearest+2, …
            int v = nearest + ((step % 2 == 1) ? (step + 1) / 2 : -(step / 2)) * (version >= nearest ? 1 : -1);
            if (v < 1 || v > 40) {
                continue;
            }
            Optional<String> text = readVersion(v, bottomLeft, topLeft, topRight, moduleSize);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private Optional<String> readVersion(int version, ResultPoint bl, ResultPoint tl, ResultPoint tr, float moduleSize) {
        int dimension = 17 + 4 * version;
        float brX = tr.getX() - tl.getX() + bl.getX();
        float brY = tr.getY() - tl.getY() + bl.getY();
        float corner = dimension - 3.5f;
        float sourceX = corner;
        float sourceY = corner;
        if (version > 1) {
            // The bottom-right alignment pattern's centre is 3 modules in from the finder centres' corner.
            float towards = 1 - 3f / (dimension - 7);
            int estX = (int) (tl.getX() + towards * (brX - tl.getX()));
            int estY = (int) (tl.getY() + towards * (brY - tl.getY()));
            for (int allowance = 4; allowance <= 16; allowance <<= 1) {
                try {
                    AlignmentPattern a = findAlignmentInRegion(moduleSize, estX, estY, allowance);
                    brX = a.getX();
                    brY = a.getY();
                    sourceX = dimension - 6.5f;
                    sourceY = dimension - 6.5f;
                    break;
                } catch (ReaderException e) {
                    // wider search, or the parallelogram's corner
                }
            }
        }
        PerspectiveTransform t = PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, corner, 3.5f, sourceX,
                sourceY, 3.5f, corner, tl.getX(), tl.getY(), tr.getX(), tr.getY(), brX, brY, bl.getX(), bl.getY());
        if (timingAgreement(t, dimension) < MIN_TIMING_AGREEMENT) {
            return Optional.empty();
        }
        float[] samples = ModuleSampler.sample(frame, t, dimension);
        if (samples == null) {
            return Optional.empty();
        }
        for (BitMatrix bits : ModuleSampler.thresholds(samples, dimension)) {
            try {
                DecoderResult r = new Decoder().decode(bits);
                return Optional.of(r.getText());
            } catch (ChecksumException e) {
                // format and version read: the grid is right, the modules are not yet
            } catch (ReaderException e) {
                // another threshold, or another version
            }
        }
        return Optional.empty();
    }

    /**
     * Share of the two timing patterns (row 6 and column 6 between the finders) that alternate dark
     * and light as they must: a cheap test that rejects a wrong version or a false triple before the
     * whole grid is sampled.
     */
    private double timingAgreement(PerspectiveTransform t, int dimension) {
        int n = dimension - 16;
        float[] pts = new float[4 * n];
        for (int i = 0; i < n; i++) {
            pts[2 * i] = 8 + i + 0.5f;
            pts[2 * i + 1] = 6.5f;
            pts[2 * (n + i)] = 6.5f;
            pts[2 * (n + i) + 1] = 8 + i + 0.5f;
        }
        t.transformPoints(pts);
        int[] v = new int[2 * n];
        long sum = 0;
        for (int i = 0; i < 2 * n; i++) {
            int x = (int) pts[2 * i];
            int y = (int) pts[2 * i + 1];
            if (x < 0 || y < 0 || x >= frame.width() || y >= frame.height()) {
                return 0;
            }
            v[i] = frame.grey()[y * frame.width() + x] & 0xFF;
            sum += v[i];
        }
        double mean = (double) sum / v.length;
        int agree = 0;
        for (int i = 0; i < 2 * n; i++) {
            // Module 8 is dark on both timing patterns, then they alternate.
            if ((v[i] < mean) == ((i % n) % 2 == 0)) {
                agree++;
            }
        }
        return (double) agree / v.length;
    }
}

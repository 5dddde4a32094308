package fr.vigie.system.bench.scan;

/**
 * A pinhole camera looking at a printed symbol: maps module coordinates on the sheet ({@code u}
 * across, {@code v} down, the symbol spanning {@code [0, columns] × [0, rows]}) to frame pixels and
 * back. The symbol's centre sits on the optical axis at the distance of the focal length, so it
 * measures {@code modulePixels} per module there; the principal point {@code (cx, cy)} places it in
 * the frame. Immutable.
 */
final class Homography {
    private final double[] h;
    private final double[] inverse;

    private Homography(double[] h) {
        this.h = h;
        this.inverse = invert(h);
    }

    static Homography of(int columns, int rows, double modulePixels, double rotation, double tiltX, double tiltY,
            double focal, double cx, double cy) {
        double[] r = multiply(multiply(rotZ(Math.toRadians(rotation)), rotX(Math.toRadians(tiltX))),
                rotY(Math.toRadians(tiltY)));
        double s = modulePixels;
        // Columns of [s·r1, s·r2, t] with t placing the symbol's centre at (0, 0, focal).
        double[] c1 = {s * r[0], s * r[3], s * r[6]};
        double[] c2 = {s * r[1], s * r[4], s * r[7]};
        double[] t = {-c1[0] * columns / 2 - c2[0] * rows / 2, -c1[1] * columns / 2 - c2[1] * rows / 2,
            focal - c1[2] * columns / 2 - c2[2] * rows / 2};
        double[] m = new double[9];
        double[][] cols = {c1, c2, t};
        for (int j = 0; j < 3; j++) {
            double[] p = cols[j];
            m[j] = focal * p[0] + cx * p[2];
            m[3 + j] = focal * p[1] + cy * p[2];
            m[6 + j] = p[2];
        }
        return new Homography(m);
    }

    /** The frame pixel of sheet point {@code (u, v)}: {@code {x, y}}, or null when behind the camera. */
    double[] toPixel(double u, double v) {
        double w = h[6] * u + h[7] * v + h[8];
        if (w <= 0) {
            return null;
        }
        return new double[] {(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w};
    }

    /**
     * The sheet point seen at pixel {@code (x, y)}, written to {@code out[0..1]}.
     *
     * @return false when that ray does not meet the sheet in front of the camera
     */
    boolean toSheet(double x, double y, double[] out) {
        double a = inverse[0] * x + inverse[1] * y + inverse[2];
        double b = inverse[3] * x + inverse[4] * y + inverse[5];
        double c = inverse[6] * x + inverse[7] * y + inverse[8];
        if (c == 0) {
            return false;
        }
        double u = a / c;
        double v = b / c;
        out[0] = u;
        out[1] = v;
        return h[6] * u + h[7] * v + h[8] > 0;
    }

    /** Bounding box {@code {minX, minY, maxX, maxY}} of a sheet rectangle's corners in the frame (infinite when behind). */
    double[] bounds(double u0, double v0, double u1, double v1) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double[] corner : new double[][] {{u0, v0}, {u1, v0}, {u0, v1}, {u1, v1}}) {
            double[] p = toPixel(corner[0], corner[1]);
            if (p == null) {
                return new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY};
            }
            box[0] = Math.min(box[0], p[0]);
            box[1] = Math.min(box[1], p[1]);
            box[2] = Math.max(box[2], p[0]);
            box[3] = Math.max(box[3], p[1]);
        }
        return box;
    }

    private static double[] rotX(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[] {1, 0, 0, 0, c, -s, 0, s, c};
    }

    private static double[] rotY(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
    }

    private static double[] rotZ(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return m;
    }

    private static double[] invert(double[] m) {
        double a = m[4] * m[8] - m[5] * m[7];
        double b = m[5] * m[6] - m[3] * m[8];
        double c = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * a + m[1] * b + m[2] * c;
        return new double[] {a / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            b / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            c / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    }
}

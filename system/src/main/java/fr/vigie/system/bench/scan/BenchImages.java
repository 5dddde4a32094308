package fr.vigie.system.bench.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Renders a {@link CameraShot} of a symbol: the sheet (symbol, quiet zone, printed text around it,
 * the desk beyond) seen through the shot's homography with 2×2 samples per pixel (one when it is
 * rendered larger to be downscaled), then light gradient and glare, Gaussian and motion blur, signal-dependent sensor noise,
 * reduction from the sensor's size, and the file (PNG or JPEG at the shot's quality). Deterministic.
 */
final class BenchImages {
    private BenchImages() {
    }

    /** The grey camera frame. */
    static BufferedImage render(ModuleGrid grid, CameraShot shot) {
        int d = shot.downscale();
        int w = shot.width() * d;
        int h = shot.height() * d;
        Homography hom = Homography.of(grid.width(), grid.height(), shot.modulePixels() * d, shot.rotation(), shot.tiltX(),
                shot.tiltY(), shot.focal() * d, shot.centreX() * d, shot.centreY() * d);
        Random detail = new Random(shot.detailSeed());
        Sheet sheet = new Sheet(grid, shot, detail);
        int ss = d == 1 ? 2 : 1;
        float[] px = new float[w * h];
        double[] uv = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        boolean seen = hom.toSheet(x + (sx + 0.5) / ss, y + (sy + 0.5) / ss, uv);
                        sum += seen ? sheet.grey(uv[0], uv[1]) : shot.desk();
                    }
                }
                px[y * w + x] = sum / (ss * ss);
            }
        }
        light(px, w, h, shot, d);
        if (shot.blurSigma() * d >= 0.3) {
            px = gaussian(px, w, h, shot.blurSigma() * d);
        }
        if (shot.motionLength() * d >= 1) {
            px = motion(px, w, h, shot.motionLength() * d, shot.motionAngle());
        }
        for (int i = 0; i < px.length; i++) {
            // Shot noise grows with the signal; a floor stands for read noise.
            double sigma = shot.noise() * Math.sqrt(0.3 + 0.7 * Math.max(0, px[i]) / 255.0);
            px[i] += (float) (detail.nextGaussian() * sigma);
        }
        int fw = shot.width();
        int fh = shot.height();
        byte[] out = new byte[fw * fh];
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                float v;
                if (d == 1) {
                    v = px[y * w + x];
                } else if (shot.nearest()) {
                    v = px[(y * d + d / 2) * w + x * d + d / 2];
                } else {
                    float sum = 0;
                    for (int dy = 0; dy < d; dy++) {
                        for (int dx = 0; dx < d; dx++) {
                            sum += px[(y * d + dy) * w + x * d + dx];
                        }
                    }
                    v = sum / (d * d);
                }
                out[y * fw + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        BufferedImage image = new BufferedImage(fw, fh, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, fw, fh, out);
        return image;
    }

    /** Writes the frame as the shot says: PNG, or JPEG at its quality. */
    static void write(BufferedImage image, CameraShot shot, Path file) throws IOException {
        if (shot.jpegQuality() == 0) {
            ImageIO.write(image, "png", file.toFile());
            return;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(shot.jpegQuality() / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** What is printed on the sheet and around it, in module coordinates. */
    private static final class Sheet {
        private final ModuleGrid grid;
        private final CameraShot shot;
        private final double left;
        private final double top;
        private final double right;
        private final double bottom;
        private final List<double[]> text = new ArrayList<>();
        private final double phaseU;
        private final double phaseV;

        Sheet(ModuleGrid grid, CameraShot shot, Random r) {
            this.grid = grid;
            this.shot = shot;
            double q = shot.quiet();
            double reach = q + shot.paperMargin();
            left = -reach;
            top = -reach;
            right = grid.width() + reach;
            bottom = grid.height() + reach;
            // Lines of words along some sides, starting right where the quiet zone ends.
            for (int side = 0; side < 4; side++) {
                if (r.nextInt(10) < 7) {
                    double thickness = 0.8 + 0.7 * r.nextDouble();
                    double gap = q + 0.5 * r.nextDouble();
                    boolean horizontal = side % 2 == 0;
                    double along = (horizontal ? left : top) + r.nextDouble() * 3;
                    double end = horizontal ? right : bottom;
                    while (along < end) {
                        double word = 1.5 + 4.5 * r.nextDouble();
                        double[] rect = switch (side) {
                            case 0 -> new double[] {along, -gap - thickness, along + word, -gap};
                            case 2 -> new double[] {along, grid.height() + gap, along + word, grid.height() + gap + thickness};
                            case 1 -> new double[] {grid.width() + gap, along, grid.width() + gap + thickness, along + word};
                            default -> new double[] {-gap - thickness, along, -gap, along + word};
                        };
                        text.add(rect);
                        along += word + 0.7 + 0.8 * r.nextDouble();
                    }
                }
            }
            // Scattered words further out on the sheet.
            for (int i = 0; i < 12; i++) {
                double x = left + r.nextDouble() * (right - left);
                double y = top + r.nextDouble() * (bottom - top);
                double[] rect = {x, y, x + 1.5 + 4.5 * r.nextDouble(), y + 0.8 + 0.7 * r.nextDouble()};
                if (rect[2] < -q || rect[0] > grid.width() + q || rect[3] < -q || rect[1] > grid.height() + q) {
                    text.add(rect);
                }
            }
            phaseU = 2 * Math.PI * r.nextDouble();
            phaseV = 2 * Math.PI * r.nextDouble();
        }

        double grey(double u, double v) {
            if (u >= 0 && v >= 0 && u < grid.width() && v < grid.height()) {
                return grid.isDark((int) u, (int) v) ? shot.ink() : shot.paper();
            }
            if (u < left || v < top || u >= right || v >= bottom) {
                return shot.desk() * (1 + 0.12 * Math.sin(0.21 * u + phaseU) * Math.cos(0.17 * v + phaseV));
            }
            for (double[] t : text) {
                if (u >= t[0] && u < t[2] && v >= t[1] && v < t[3]) {
                    return shot.ink();
                }
            }
            return shot.paper();
        }
    }

    private static void light(float[] px, int w, int h, CameraShot shot, int d) {
        double cos = Math.cos(shot.lightAngle());
        double sin = Math.sin(shot.lightAngle());
        double half = Math.hypot(w, h) / 2;
        double gx = shot.glareX() * d;
        double gy = shot.glareY() * d;
        double gr2 = 2 * Math.pow(shot.glareRadius() * d, 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * cos + (y - h / 2.0) * sin) / half;
                double gain = 1 - shot.lightGradient() * (t + 1) / 2;
                double v = px[y * w + x] * gain;
                if (shot.glare() > 0) {
                    double spot = shot.glare() * Math.exp(-((x - gx) * (x - gx) + (y - gy) * (y - gy)) / gr2);
                    v += spot * (255 - v);
                }
                px[y * w + x] = (float) v;
            }
        }
    }

    private static float[] gaussian(float[] in, int w, int h, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.max(0, Math.min(w - 1, x + i));
                    sum += k[i + r] * in[y * w + xx];
                }
                tmp[y * w + x] = sum;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.max(0, Math.min(h - 1, y + i));
                    sum += k[i + r] * tmp[yy * w + x];
                }
                out[y * w + x] = sum;
            }
        }
        return out;
    }

    /** Mean of the picture along a segment of {@code length} pixels through each pixel (bilinear samples). */
    private static float[] motion(float[] in, int w, int h, double length, double angle) {
        int n = (int) Math.ceil(length) + 1;
        double dx = Math.cos(angle) * length / (n - 1);
        double dy = Math.sin(angle) * length / (n - 1);
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int i = 0; i < n; i++) {
                    double t = i - (n - 1) / 2.0;
                    sum += bilinear(in, w, h, x + t * dx, y + t * dy);
                }
                out[y * w + x] = sum / n;
            }
        }
        return out;
    }

    private static float bilinear(float[] px, int w, int h, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1.001, x));
        double cy = Math.max(0, Math.min(h - 1.001, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        double fx = cx - x0;
        double fy = cy - y0;
        int i = y0 * w + x0;
        double top = px[i] * (1 - fx) + px[i + 1] * fx;
        double bottom = px[i + w] * (1 - fx) + px[i + w + 1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}

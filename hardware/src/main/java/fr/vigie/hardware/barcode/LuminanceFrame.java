package fr.vigie.hardware.barcode;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A grey picture as a camera delivers it: one luminance byte per pixel, row after row (the Y plane
 * of a YUV frame is one). The array is used as is, not copied: the caller must not change it while
 * it is being decoded. {@link #toString()} shows the size only.
 *
 * <pre>{@code
 * LuminanceFrame frame = new LuminanceFrame(640, 480, yPlane);   // e.g. from a V4L2 YUYV/NV12 capture
 * List<ScannedCode> codes = decoder.decode(frame);
 * }</pre>
 *
 * @param width pixels per row
 * @param height rows
 * @param grey at least {@code width × height} bytes, 0 black to 255 white (unsigned)
 */
public record LuminanceFrame(int width, int height, byte[] grey) {

    public LuminanceFrame {
        Objects.requireNonNull(grey, "grey");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "×" + height);
        }
        if ((long) width * height > grey.length) {
            throw new IllegalArgumentException("a " + width + "×" + height + " frame needs " + (long) width * height
                    + " bytes, got " + grey.length);
        }
    }

    /** The luminance of any picture: transparent pixels count as white (the paper behind a code). */
    public static LuminanceFrame of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getDataElements(0, 0, w, h, grey);
            return new LuminanceFrame(w, h, grey);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int luma = (306 * ((argb >> 16) & 0xFF) + 601 * ((argb >> 8) & 0xFF) + 117 * (argb & 0xFF)) >> 10;
                grey[y * w + x] = (byte) (alpha == 0xFF ? luma : (luma * alpha + 255 * (255 - alpha)) / 255);
            }
        }
        return new LuminanceFrame(w, h, grey);
    }

    /** Each pixel the mean of its 3×3 neighbourhood: camera noise breaks ZXing's DataMatrix detector, this calms it. */
    LuminanceFrame smoothed() {
        int w = width;
        int h = height;
        int[] rows = new int[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int left = x > 0 ? x - 1 : x;
                int right = x < w - 1 ? x + 1 : x;
                rows[o + x] = (grey[o + left] & 0xFF) + (grey[o + x] & 0xFF) + (grey[o + right] & 0xFF);
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int up = (y > 0 ? y - 1 : y) * w;
            int down = (y < h - 1 ? y + 1 : y) * w;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (byte) ((rows[up + x] + rows[o + x] + rows[down + x]) / 9);
            }
        }
        return new LuminanceFrame(w, h, out);
    }

    /** Half the width and height, each pixel the mean of four: big modules become normal ones, noise averages out. */
    LuminanceFrame halved() {
        int w = width / 2;
        int h = height / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int a = 2 * y * width;
            int b = a + width;
            for (int x = 0; x < w; x++) {
                int sum = (grey[a + 2 * x] & 0xFF) + (grey[a + 2 * x + 1] & 0xFF) + (grey[b + 2 * x] & 0xFF)
                        + (grey[b + 2 * x + 1] & 0xFF);
                out[y * w + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new LuminanceFrame(w, h, out);
    }

    /** A crop enlarged twice (bilinear): modules of under two pixels become readable to ZXing's finder. */
    LuminanceFrame doubled(int left, int top, int w, int h) {
        int ow = 2 * w;
        int oh = 2 * h;
        byte[] out = new byte[ow * oh];
        for (int y = 0; y < oh; y++) {
            float sy = Math.max(0, Math.min(height - 1.001f, top + (y + 0.5f) / 2 - 0.5f));
            int y0 = (int) sy;
            float fy = sy - y0;
            int y1 = Math.min(height - 1, y0 + 1);
            for (int x = 0; x < ow; x++) {
                float sx = Math.max(0, Math.min(width - 1.001f, left + (x + 0.5f) / 2 - 0.5f));
                int x0 = (int) sx;
                float fx = sx - x0;
                int x1 = Math.min(width - 1, x0 + 1);
                float t = (grey[y0 * width + x0] & 0xFF) * (1 - fx) + (grey[y0 * width + x1] & 0xFF) * fx;
                float b = (grey[y1 * width + x0] & 0xFF) * (1 - fx) + (grey[y1 * width + x1] & 0xFF) * fx;
                out[y * ow + x] = (byte) (int) (t * (1 - fy) + b * fy + 0.5f);
            }
        }
        return new LuminanceFrame(ow, oh, out);
    }

    /**
     * The frame sheared about its centre (x' = x + {@code kx}·y, y' = y + {@code ky}·x, bilinear, white
     * outside): a sheet seen at a steep angle looks sheared, and finder patterns only read square.
     */
    LuminanceFrame sheared(double kx, double ky) {
        byte[] out = new byte[width * height];
        double cx = width / 2.0;
        double cy = height / 2.0;
        double det = 1 - kx * ky;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double sx = (dx - kx * dy) / det + cx;
                double sy = (dy - ky * dx) / det + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
                    out[y * width + x] = (byte) 0xFF;
                    continue;
                }
                double fx = sx - x0;
                double fy = sy - y0;
                int i = y0 * width + x0;
                double top = (grey[i] & 0xFF) * (1 - fx) + (grey[i + 1] & 0xFF) * fx;
                double bottom = (grey[i + width] & 0xFF) * (1 - fx) + (grey[i + width + 1] & 0xFF) * fx;
                out[y * width + x] = (byte) (int) (top * (1 - fy) + bottom * fy + 0.5);
            }
        }
        return new LuminanceFrame(width, height, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LuminanceFrame f && f.width == width && f.height == height && f.grey == grey;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, System.identityHashCode(grey));
    }

    @Override
    public String toString() {
        return "LuminanceFrame[" + width + "×" + height + "]";
    }
}

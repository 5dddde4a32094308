package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeSymbol;
import java.awt.image.BufferedImage;

/**
 * The modules of one symbol as an encoder drew them, without quiet zone: {@code dark[row][column]}.
 * Immutable once built (the array is not shared).
 */
final class ModuleGrid {
    private final boolean[][] dark;

    private ModuleGrid(boolean[][] dark) {
        this.dark = dark;
    }

    /** The modules of a symbol drawn by Vigie's own (ZXing) encoder. */
    static ModuleGrid of(BarcodeSymbol symbol) {
        boolean[][] dark = new boolean[symbol.height()][symbol.width()];
        for (int y = 0; y < symbol.height(); y++) {
            for (int x = 0; x < symbol.width(); x++) {
                dark[y][x] = symbol.isDark(x, y);
            }
        }
        return new ModuleGrid(dark);
    }

    /**
     * The modules of a picture drawn at one pixel per module, dark on light: the quiet zone the
     * encoder added, whatever its size, is cropped off (a QR code's and a DataMatrix's outermost
     * rows and columns all hold dark modules, so the dark pixels' bounding box is the symbol).
     *
     * @throws IllegalArgumentException when the picture holds no dark pixel
     */
    static ModuleGrid fromPicture(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[][] all = new boolean[h][w];
        int left = w;
        int top = h;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                boolean opaque = (rgb >>> 24) > 0x7F;
                int luma = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (opaque && luma < 3 * 128) {
                    all[y][x] = true;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            throw new IllegalArgumentException("the encoder drew no dark module");
        }
        boolean[][] dark = new boolean[bottom - top + 1][right - left + 1];
        for (int y = top; y <= bottom; y++) {
            System.arraycopy(all[y], left, dark[y - top], 0, right - left + 1);
        }
        return new ModuleGrid(dark);
    }

    int width() {
        return dark[0].length;
    }

    int height() {
        return dark.length;
    }

    boolean isDark(int x, int y) {
        return dark[y][x];
    }

    /** Black modules on white, {@code quiet} white modules around, {@code scale} pixels per module. */
    BufferedImage toImage(int scale, int quiet) {
        int w = (width() + 2 * quiet) * scale;
        int h = (height() + 2 * quiet) * scale;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                if (mx >= 0 && my >= 0 && mx < width() && my < height() && dark[my][mx]) {
                    px[y * w + x] = 0;
                }
            }
        }
        image.getRaster().setDataElements(0, 0, w, h, px);
        return image;
    }
}

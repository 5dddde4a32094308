package fr.vigie.hardware.barcode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where the ink is: blocks of 16×16 pixels whose contrast is high, grouped into connected
 * regions. The thorough decoder enlarges the busiest region twice when modules are too small for
 * ZXing's finder.
 */
final class BusyRegions {
    private static final int BLOCK = 16;

    /**
     * A crop of the frame, in pixels.
     */
    record Region(int left, int top, int width, int height) {
    }

    private BusyRegions() {
    }

    /** Up to {@code max} regions, the largest first, each with a margin of one block. */
    static List<Region> find(LuminanceFrame f, int max) {
        int bw = f.width() / BLOCK;
        int bh = f.height() / BLOCK;
        if (bw < 2 || bh < 2) {
            return List.of();
        }
        int[] range = new int[bw * bh];
        int widest = 0;
        byte[] g = f.grey();
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int lo = 255;
                int hi = 0;
                for (int y = by * BLOCK; y < (by + 1) * BLOCK; y += 2) {
                    int row = y * f.width();
                    for (int x = bx * BLOCK; x < (bx + 1) * BLOCK; x += 2) {
                        int v = g[row + x] & 0xFF;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                range[by * bw + bx] = hi - lo;
                widest = Math.max(widest, hi - lo);
            }
        }
        int threshold = Math.max(40, widest / 2);
        boolean[] seen = new boolean[bw * bh];
        List<int[]> boxes = new ArrayList<>();
        int[] stack = new int[bw * bh];
        for (int start = 0; start < range.length; start++) {
            if (seen[start] || range[start] < threshold) {
                continue;
            }
            int[] box = {start % bw, start / bw, start % bw, start / bw, 0};
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int b = stack[--top];
                int x = b % bw;
                int y = b / bw;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
                box[4]++;
                int[] next = {x > 0 ? b - 1 : -1, x < bw - 1 ? b + 1 : -1, y > 0 ? b - bw : -1, y < bh - 1 ? b + bw : -1};
                for (int n : next) {
                    if (n >= 0 && !seen[n] && range[n] >= threshold) {
                        seen[n] = true;
                        stack[top++] = n;
                    }
                }
            }
            if (box[4] >= 4) {
                boxes.add(box);
            }
        }
        boxes.sort(Comparator.comparingInt((int[] b) -> b[4]).reversed());
        List<Region> regions = new ArrayList<>();
        for (int[] b : boxes.subList(0, Math.min(max, boxes.size()))) {
            int left = Math.max(0, (b[0] - 1) * BLOCK);
            int top = Math.max(0, (b[1] - 1) * BLOCK);
            int right = Math.min(f.width(), (b[2] + 2) * BLOCK);
            int bottom = Math.min(f.height(), (b[3] + 2) * BLOCK);
            regions.add(new Region(left, top, right - left, bottom - top));
        }
        return regions;
    }
}

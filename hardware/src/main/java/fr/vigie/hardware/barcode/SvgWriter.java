package fr.vigie.hardware.barcode;

import java.util.Locale;

/**
 * Writes a {@link BarcodeSymbol} as SVG. The view box counts in modules, so the path has small
 * integers only; runs of dark modules on a row become one rectangle each, all in a single path with
 * crisp edges (printers and browsers then draw no hairlines between neighbouring modules).
 */
final class SvgWriter {
    private SvgWriter() {
    }

    static String write(BarcodeSymbol s, double moduleSize, String unit) {
        if (!(moduleSize > 0) || Double.isInfinite(moduleSize)) {
            throw new IllegalArgumentException("module size must be a positive number, got " + moduleSize);
        }
        if (unit == null || !unit.matches("mm|cm|in|px|pt|pc")) {
            throw new IllegalArgumentException("unit must be one of mm, cm, in, px, pt, pc, got " + unit);
        }
        int q = s.quietZone();
        int w = s.width() + 2 * q;
        int h = s.height() + 2 * q;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < s.height(); y++) {
            int x = 0;
            while (x < s.width()) {
                if (!s.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < s.width() && s.isDark(x, y)) {
                    x++;
                }
                path.append('M').append(start + q).append(' ').append(y + q)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        String size = String.format(Locale.ROOT, "width=\"%s%s\" height=\"%s%s\"",
                number(w * moduleSize), unit, number(h * moduleSize), unit);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" " + size
                + " viewBox=\"0 0 " + w + " " + h + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>\n"
                + "<path fill=\"#000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

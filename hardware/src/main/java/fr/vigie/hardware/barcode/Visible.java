package fr.vigie.hardware.barcode;

/** Shows control characters of a payload in a readable way. */
final class Visible {
    private Visible() {
    }

    static String of(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ScannedCode.GS) {
                b.append("<GS>");
            } else if (c == ScannedCode.US) {
                b.append("<US>");
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format("<0x%02X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A short excerpt for an error message; never used on data that may hold a full NIR. */
    static String excerpt(String text, int max) {
        String v = of(text);
        return v.length() <= max ? v : v.substring(0, max) + "…";
    }
}

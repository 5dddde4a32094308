package fr.vigie.hardware.barcode;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One code as read by any source, before anyone decides what it means. The text is kept exactly as
 * decoded: control characters such as GS ({@code 0x1D}, also produced for a DataMatrix FNC1 inside
 * the data) and US ({@code 0x1F}) stay in it, because the INS DataMatrix and 2D-Doc formats rely on
 * them. Immutable; {@link #toString()} never shows the text, which may hold a NIR.
 *
 * @param format the symbology, {@link BarcodeFormat#UNKNOWN} when the source did not say
 * @param text the decoded content, each character one byte for DataMatrix (ISO-8859-1)
 * @param source where it came from
 */
public record ScannedCode(BarcodeFormat format, String text, ScanSource source) {
    /** ASCII group separator, ending variable-length fields in INS DataMatrix and 2D-Doc. */
    public static final char GS = 0x1D;
    /** ASCII unit separator, before the signature of a 2D-Doc. */
    public static final char US = 0x1F;

    public ScannedCode {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The content as bytes: ISO-8859-1 when every character fits in one byte (always the case for
     * DataMatrix and for ASCII payloads), UTF-8 otherwise.
     */
    public byte[] bytes() {
        boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
        return text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * The text with control characters made visible for a support screen: GS as {@code <GS>}, US as
     * {@code <US>}, any other as {@code <0xNN>}. Still contains whatever the code holds: do not log it.
     */
    public String visibleText() {
        return Visible.of(text);
    }

    @Override
    public String toString() {
        return "ScannedCode[" + format + " from " + source + ", " + text.length() + " chars]";
    }
}

package fr.vigie.hardware.barcode;

import java.time.Duration;
import java.util.Objects;

/**
 * How a keyboard-wedge scanner is set up to type. Wedges often cannot type the GS and US control
 * characters, so they are configured to type a placeholder instead, which Vigie turns back into
 * the character. Immutable; checked once, at construction.
 *
 * <pre>{@code
 * WedgeSettings s = WedgeSettings.defaults().withPrefix("\u0002").withGsPlaceholder("~");
 * }</pre>
 *
 * @param prefix what the scanner types before each code (often nothing, or STX), empty for none;
 *     when set, a line without it is rejected as cut off
 * @param suffix what ends each code; {@code "\n"} (the default) also accepts CR and CR LF
 * @param gsPlaceholder what the scanner types for GS, empty when it types GS itself
 * @param usPlaceholder what the scanner types for US, empty when it types US itself
 * @param aimIdentifiers whether lines start with an AIM symbology identifier ({@code ]Q1}, {@code ]d2}…)
 *     to strip and turn into the {@link BarcodeFormat}
 * @param keyTimeout the longest pause between two keys inside one code; after it, a partial line is
 *     discarded as {@link BarcodeError#BARCODE_TRUNCATED}
 * @param maxLength the longest line accepted, in characters
 */
public record WedgeSettings(String prefix, String suffix, String gsPlaceholder, String usPlaceholder,
        boolean aimIdentifiers, Duration keyTimeout, int maxLength) {

    public WedgeSettings {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(gsPlaceholder, "gsPlaceholder");
        Objects.requireNonNull(usPlaceholder, "usPlaceholder");
        Objects.requireNonNull(keyTimeout, "keyTimeout");
        if (suffix == null || suffix.isEmpty()) {
            throw new IllegalArgumentException("wedge suffix must not be empty: it is what ends a code");
        }
        if (!gsPlaceholder.isEmpty() && gsPlaceholder.equals(usPlaceholder)) {
            throw new IllegalArgumentException("wedge GS and US placeholders must differ, both are '"
                    + gsPlaceholder + "'");
        }
        if (keyTimeout.isNegative() || keyTimeout.isZero()) {
            throw new IllegalArgumentException("wedge key timeout must be positive, got " + keyTimeout);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("wedge max length must be positive, got " + maxLength);
        }
    }

    /** No prefix, Enter as suffix, {@code <GS>} and {@code <US>} placeholders, AIM identifiers, 300 ms, 4096 characters. */
    public static WedgeSettings defaults() {
        return new WedgeSettings("", "\n", "<GS>", "<US>", true, Duration.ofMillis(300), 4096);
    }

    public WedgeSettings withPrefix(String value) {
        return new WedgeSettings(value, suffix, gsPlaceholder, usPlaceholder, aimIdentifiers, keyTimeout, maxLength);
    }

    public WedgeSettings withSuffix(String value) {
        return new WedgeSettings(prefix, value, gsPlaceholder, usPlaceholder, aimIdentifiers, keyTimeout, maxLength);
    }

    public WedgeSettings withGsPlaceholder(String value) {
        return new WedgeSettings(prefix, suffix, value, usPlaceholder, aimIdentifiers, keyTimeout, maxLength);
    }

    public WedgeSettings withUsPlaceholder(String value) {
        return new WedgeSettings(prefix, suffix, gsPlaceholder, value, aimIdentifiers, keyTimeout, maxLength);
    }

    public WedgeSettings withAimIdentifiers(boolean value) {
        return new WedgeSettings(prefix, suffix, gsPlaceholder, usPlaceholder, value, keyTimeout, maxLength);
    }

    public WedgeSettings withKeyTimeout(Duration value) {
        return new WedgeSettings(prefix, suffix, gsPlaceholder, usPlaceholder, aimIdentifiers, value, maxLength);
    }

    public WedgeSettings withMaxLength(int value) {
        return new WedgeSettings(prefix, suffix, gsPlaceholder, usPlaceholder, aimIdentifiers, keyTimeout, value);
    }
}

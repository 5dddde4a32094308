package fr.vigie.hardware.barcode;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Vigie accepts as an e-prescription number: a regular expression matched against the whole
 * payload (stripped and uppercased), with a group named {@code number}. The captured number loses
 * its spaces and hyphens. The real alphabet and checksum are not public (DOMAIN §7), so the rule is
 * configuration; the {@linkplain #defaults() default} is deliberately tolerant. Immutable.
 *
 * <pre>{@code
 * EPrescriptionRule site = EPrescriptionRule.of("(?:ORDO:)?(?<number>[0-9]{20})", 20, 20);
 * PayloadClassifier classifier = PayloadClassifier.standard(clock).withEPrescriptionRule(site);
 * }</pre>
 *
 * @param pattern the whole-payload pattern, with a {@code number} group
 * @param minLength fewest characters of the normalised number
 * @param maxLength most characters of the normalised number
 */
public record EPrescriptionRule(Pattern pattern, int minLength, int maxLength) {
    /**
     * The default: an optional label {@code ORDO}, {@code PRESCRIPTION} or {@code RX} and a colon,
     * then 10 to 32 letters and digits with at least one digit, optionally in groups of 2 to 8
     * separated by one space or hyphen (as printed for manual entry), 10 to 32 characters once the
     * separators are removed. Plain words, URLs and anything with other punctuation are not numbers.
     */
    public static final String DEFAULT_REGEX = "(?:(?:ORDO|PRESCRIPTION|RX) ?: ?)?"
            + "(?<number>(?=[A-Z0-9 -]*[0-9])(?:[A-Z0-9]{10,32}|[A-Z0-9]{2,8}(?:[ -][A-Z0-9]{2,8}){1,15}))";

    public EPrescriptionRule {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.pattern().contains("(?<number>")) {
            throw new IllegalArgumentException("the e-prescription pattern must have a group named 'number': "
                    + pattern.pattern());
        }
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("e-prescription number lengths must satisfy 1 <= min <= max, got "
                    + minLength + " and " + maxLength);
        }
    }

    /**
     * A rule from configuration text.
     *
     * @param minLength fewest characters of the normalised number, at least 1
     * @param maxLength most characters of the normalised number
     *
     * @throws IllegalArgumentException naming the pattern when it does not compile or lacks the group
     */
    public static EPrescriptionRule of(String regex, int minLength, int maxLength) {
        try {
            return new EPrescriptionRule(Pattern.compile(regex), minLength, maxLength);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("e-prescription pattern does not compile: " + e.getMessage(), e);
        }
    }

    /** The rule of {@link #DEFAULT_REGEX}. */
    public static EPrescriptionRule defaults() {
        return of(DEFAULT_REGEX, 10, 32);
    }

    /** The normalised number in {@code text}, when the whole text matches and the number's length is within bounds. */
    public Optional<EPrescription> match(String text) {
        Matcher m = pattern.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group("number") == null) {
            return Optional.empty();
        }
        String number = m.group("number").replaceAll("[ -]", "");
        return number.length() < minLength || number.length() > maxLength ? Optional.empty()
                : Optional.of(new EPrescription(number));
    }
}

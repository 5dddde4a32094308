package fr.vigie.protocol.identity;

/**
 * The matricule of an INS: a NIR or a NIA (which is built like a NIR), 13 characters and a 2-digit
 * key. Layout: sex {@code 1|2}, year (2 digits), month (2), department (2 digits, or {@code 2A}/
 * {@code 2B} for Corsica), commune (3), order (3), key (2). The key is
 * {@code 97 − (the 13-digit number mod 97)}, with 2A read as 19 and 2B as 18.
 *
 * <p>Parsing accepts spaces between groups ({@code "2 97 02 2A 020 778 78"}) and lowercase
 * {@code 2a}/{@code 2b}, and normalises them away. It rejects, with an {@link IdentityError} code:
 * a wrong length, other characters, a first digit other than 1 or 2 (3, 4, 7 and 8 mark
 * provisional numbers, which are not INS matricules), an impossible month, department {@code 00},
 * and a key that does not match. A key mismatch is reported with the expected key and never
 * corrected: some official test identities carry keys that do not check, and deciding what to do
 * with them is a person's call.
 *
 * <p>Months: 01–12 are calendar months. Real NIRs also carry 20–42 and 50–99 when civil status was
 * incomplete at registration; {@link #parse(String)} accepts them ({@link MonthRule#ALLOW_PSEUDO_MONTHS})
 * because that fact is not confirmed and refusing a real patient is worse; {@link MonthRule#CALENDAR_ONLY}
 * is there for a site that wants the strict reading. 00, 13–19 and 43–49 are always rejected.
 *
 * <p>A full matricule must never reach a log: {@link #toString()} returns the {@link #masked()}
 * form, and only {@link #value()} gives all 15 characters. Immutable and thread-safe.
 *
 * <pre>{@code
 * InsMatricule m = InsMatricule.parse("2 97 02 2A 020 778 78");
 * log.info("INS {}", m);            // 2************78
 * insi.send(m.value());             // 297022A02077878
 * }</pre>
 */
public final class InsMatricule {
    /** Which month groups {@link InsMatricule#parse(String, MonthRule)} accepts. */
    public enum MonthRule {
        /** 01–12 only. */
        CALENDAR_ONLY,
        /** 01–12, and the pseudo-months 20–42 and 50–99 of incomplete civil status. */
        ALLOW_PSEUDO_MONTHS
    }

    private final String value;

    private InsMatricule(String value) {
        this.value = value;
    }

    /** Parses a matricule, accepting pseudo-months (see the class comment). */
    public static InsMatricule parse(String text) throws IdentityException {
        return parse(text, MonthRule.ALLOW_PSEUDO_MONTHS);
    }

    /** Parses a matricule with the given month rule. */
    public static InsMatricule parse(String text, MonthRule months) throws IdentityException {
        String v = MatriculeText.compact(text, 15);
        String body = v.substring(0, 13);
        requireShape(body, months);
        int expected = key(body);
        int given = Integer.parseInt(v.substring(13));
        if (given != expected) {
            throw new IdentityException(IdentityError.KEY_MISMATCH, "key " + v.substring(13)
                    + " does not match the 13 first characters, whose key is " + twoDigits(expected)
                    + "; check the number against the document (it is never corrected automatically)");
        }
        return new InsMatricule(v);
    }

    /**
     * The key (1–97) of a 13-character body. Spaces between groups are allowed; only the characters
     * are checked, not the sex, month or department rules.
     */
    public static int computeKey(String thirteen) throws IdentityException {
        return key(MatriculeText.compact(thirteen, 13));
    }

    private static int key(String body) {
        return (int) (97 - MatriculeText.numeric(body) % 97);
    }

    private static void requireShape(String body, MonthRule months) throws IdentityException {
        char sex = body.charAt(0);
        if (Sex.ofMatriculeDigit(sex) == null) {
            String why = "3478".indexOf(sex) >= 0 ? " (" + sex + " marks a provisional number, which is not an INS)" : "";
            throw new IdentityException(IdentityError.MATRICULE_SEX,
                    "the first character must be 1 (male) or 2 (female), got " + sex + why);
        }
        int month = Integer.parseInt(body.substring(3, 5));
        boolean calendar = month >= 1 && month <= 12;
        boolean pseudo = month >= 20 && month <= 42 || month >= 50;
        if (!calendar && !(pseudo && months == MonthRule.ALLOW_PSEUDO_MONTHS)) {
            String allowed = months == MonthRule.ALLOW_PSEUDO_MONTHS
                    ? "01-12, or a pseudo-month 20-42 or 50-99" : "01-12";
            throw new IdentityException(IdentityError.MATRICULE_MONTH,
                    "month " + body.substring(3, 5) + " is not possible: it must be " + allowed);
        }
        if (body.startsWith("00", MatriculeText.DEPARTMENT)) {
            throw new IdentityException(IdentityError.MATRICULE_DEPARTMENT, "department 00 does not exist");
        }
    }

    /**
     * Whether {@link #parse} ignores {@code c} around a matricule and between its groups: a space, a tab,
     * or the no-break spaces of French typography.
     */
    public static boolean isIgnoredSpace(char c) {
        return MatriculeText.isSpace(c);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** All 15 characters, without spaces. Sensitive: never log it. */
    public String value() {
        return value;
    }

    /** The 13 characters before the key. Sensitive: never log it. */
    public String body() {
        return value.substring(0, 13);
    }

    /** The 2-digit key, 1 to 97. */
    public int key() {
        return Integer.parseInt(value.substring(13));
    }

    public Sex sex() {
        return Sex.ofMatriculeDigit(value.charAt(0));
    }

    /** The two digits of the birth year, as written (the century is not in the matricule). */
    public String yearDigits() {
        return value.substring(1, 3);
    }

    /** The month group as written: a calendar month 01–12 or a pseudo-month. */
    public String monthDigits() {
        return value.substring(3, 5);
    }

    /** Whether the month group is a calendar month (01–12) rather than a pseudo-month. */
    public boolean hasCalendarMonth() {
        int month = Integer.parseInt(monthDigits());
        return month >= 1 && month <= 12;
    }

    /** Two digits, 2A or 2B; 99 for a birth abroad. */
    public String department() {
        return value.substring(5, 7);
    }

    public String commune() {
        return value.substring(7, 10);
    }

    public String order() {
        return value.substring(10, 13);
    }

    /** A form safe for logs and screens: the first digit, twelve stars and the key, e.g. {@code 2************78}. */
    public String masked() {
        return mask(value);
    }

    /**
     * The {@link #masked()} form of 15 characters that may not be a valid matricule (e.g. one whose
     * key does not verify, kept as a service sent it): first character, twelve stars, last two.
     *
     * @throws IllegalArgumentException when {@code fifteen} is not 15 characters long
     */
    public static String mask(String fifteen) {
        if (fifteen == null || fifteen.length() != 15) {
            throw new IllegalArgumentException("a matricule has 15 characters");
        }
        return fifteen.charAt(0) + "************" + fifteen.substring(13);
    }

    /** The {@link #masked()} form, so that logging a matricule by accident leaks nothing. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InsMatricule other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

package fr.vigie.provisioning.enrolment;

import java.util.Locale;

/**
 * Enrolment codes as a person types them. A kiosk shows its code ({@code K7F2-9QXM}) in Crockford's
 * base32, upper case, an alphabet without I, L, O and U; so a code typed in lower case, with spaces or
 * without its hyphen, or with O for 0 and I or L for 1 (Crockford's own reading rules), can only mean
 * one code, and {@link #normalise} returns it. Stateless.
 *
 * <pre>{@code
 * EnrolmentCodes.normalise(" k7f2 9qxm ")   // "K7F2-9QXM"
 * }</pre>
 */
public final class EnrolmentCodes {
    private EnrolmentCodes() {
    }

    /**
     * The code a person meant: upper case, O read as 0, I and L as 1, spaces and hyphens dropped, then
     * the hyphen after the fourth character. Text that is not eight such characters comes back upper
     * case and stripped (and matches no code).
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String upper = typed.strip().toUpperCase(Locale.ROOT);
        StringBuilder bare = new StringBuilder(8);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            bare.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        if (bare.length() != 8 || !bare.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return upper;
        }
        return bare.substring(0, 4) + "-" + bare.substring(4);
    }
}

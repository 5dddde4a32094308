package fr.vigie.protocol.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level reading of a matricule as people type or print it: spaces (including the
 * no-break spaces of French typography) are allowed between groups and removed; anywhere else
 * they are rejected, as are characters other than digits and the Corsican 2A/2B.
 */
final class MatriculeText {
    /** Where a group ends, counted in characters without spaces: sex|year|month|dept|commune|order|key. */
    private static final int[] GROUP_ENDS = {1, 3, 5, 7, 10, 13, 15};
    private static final String[] GROUP_NAMES = {"sex", "year", "month", "department", "commune", "order", "key"};
    static final int DEPARTMENT = 5;

    private MatriculeText() {
    }

    /**
     * The characters of {@code text} without the spaces between its groups, uppercased, checked to be
     * digits except for a 2A/2B department.
     *
     * @param length 15 for a whole matricule, 13 for its body without the key
     */
    static String compact(String text, int length) throws IdentityException {
        String what = length == 15 ? "a matricule" : "a matricule body";
        if (text == null || text.isBlank()) {
            throw new IdentityException(IdentityError.MATRICULE_LENGTH, "no matricule was given");
        }
        StringBuilder kept = new StringBuilder(length);
        List<Integer> spaces = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                spaces.add(kept.length());
            } else if (!isDigit(c) && !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw new IdentityException(IdentityError.MATRICULE_CHARACTERS, "'" + c + "' (character " + (i + 1)
                        + " as typed) is not allowed: a matricule is made of digits, 2A/2B and spaces between groups");
            } else {
                kept.append(Character.toUpperCase(c));
            }
        }
        if (kept.length() != length) {
            String hint = length == 15 && kept.length() == 13 ? "; the 2-digit key seems to be missing" : "";
            throw new IdentityException(IdentityError.MATRICULE_LENGTH, what + " has " + length
                    + " characters (spaces between groups aside), this one has " + kept.length() + hint);
        }
        for (int at : spaces) {
            if (at > 0 && at < length && !isGroupEnd(at)) {
                throw new IdentityException(IdentityError.MATRICULE_CHARACTERS, "a space splits the "
                        + groupOf(at) + " group before character " + (at + 1)
                        + "; spaces are allowed only between groups");
            }
        }
        for (int i = 0; i < length; i++) {
            char c = kept.charAt(i);
            if (i != DEPARTMENT && i != DEPARTMENT + 1 && !isDigit(c)) {
                throw new IdentityException(IdentityError.MATRICULE_CHARACTERS, "character " + (i + 1) + " ("
                        + groupOf(i) + ") is '" + c + "', not a digit");
            }
        }
        String department = kept.substring(DEPARTMENT, DEPARTMENT + 2);
        if (!(isDigit(department.charAt(0)) && isDigit(department.charAt(1)))
                && !department.equals("2A") && !department.equals("2B")) {
            throw new IdentityException(IdentityError.MATRICULE_DEPARTMENT, "department '" + department
                    + "' must be two digits, or 2A/2B for Corsica");
        }
        return kept.toString();
    }

    /** The 13-digit number of a body, Corsica's 2A and 2B counted as 19 and 18. */
    static long numeric(String body) {
        String department = body.substring(DEPARTMENT, DEPARTMENT + 2);
        String digits = switch (department) {
            case "2A" -> body.substring(0, DEPARTMENT) + "19" + body.substring(DEPARTMENT + 2);
            case "2B" -> body.substring(0, DEPARTMENT) + "18" + body.substring(DEPARTMENT + 2);
            default -> body;
        };
        return Long.parseLong(digits);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean isGroupEnd(int at) {
        for (int end : GROUP_ENDS) {
            if (end == at) {
                return true;
            }
        }
        return false;
    }

    private static String groupOf(int index) {
        for (int g = 0; g < GROUP_ENDS.length; g++) {
            if (index < GROUP_ENDS[g]) {
                return GROUP_NAMES[g];
            }
        }
        return GROUP_NAMES[GROUP_NAMES.length - 1];
    }
}

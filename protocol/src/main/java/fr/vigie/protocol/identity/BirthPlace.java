package fr.vigie.protocol.identity;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code LieuNaissance} trait: the 5-character INSEE code of the birth commune, or of the
 * country for a birth abroad ({@code 99xxx}). Vigie stores it uppercased. Immutable.
 *
 * <p>{@link #parse} checks the code's structure, not a list of communes (which changes every year):
 * <ul>
 * <li>a commune in metropolitan France: département {@code 01}–{@code 95} (not {@code 96}), or
 *     {@code 2A}/{@code 2B} for Corsica, then three digits other than {@code 000}. {@code 20} is
 *     accepted too: it was Corsica's département until 1976 and older civil-status data still carry
 *     it (refusing a real patient is worse than letting a person check it);</li>
 * <li>overseas: {@code 971}–{@code 978} (Guadeloupe to Saint-Martin) or {@code 984}, {@code 986}–{@code 989}
 *     (TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie, Clipperton), then two digits;</li>
 * <li>a country: {@code 99}, the continent digit {@code 1}–{@code 5}, two digits ({@code 99352} Algeria);
 *     {@code 99999} stands for an unknown country.</li>
 * </ul>
 * Letters are allowed only in {@code 2A}/{@code 2B}.
 *
 * @param code five characters of A–Z and 0–9
 */
public record BirthPlace(String code) {
    private static final Set<Character> OVERSEAS_98 = Set.of('4', '6', '7', '8', '9');

    public BirthPlace {
        if (code == null || !code.matches("[A-Z0-9]{5}")) {
            throw new IllegalArgumentException("birth place must be 5 characters of A-Z and 0-9");
        }
    }

    /**
     * Reads an INSEE code of 5 letters or digits, uppercasing letters; surrounding spaces are ignored.
     *
     * @throws IdentityException {@link IdentityError#TRAIT_BAD_BIRTHPLACE} with the precise reason
     */
    public static BirthPlace parse(String text) throws IdentityException {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[A-Za-z0-9]{5}")) {
            String why = t.length() != 5 ? "it has " + t.length() + " characters"
                    : "it holds a character other than a letter or digit";
            throw new IdentityException(IdentityError.TRAIT_BAD_BIRTHPLACE,
                    "birth place must be a 5-character INSEE code of letters and digits; " + why);
        }
        String code = t.toUpperCase(Locale.ROOT);
        String problem = inseeProblem(code);
        if (problem != null) {
            throw new IdentityException(IdentityError.TRAIT_BAD_BIRTHPLACE,
                    "birth place " + code + " is not an INSEE code: " + problem);
        }
        return new BirthPlace(code);
    }

    /** Why {@code code} (5 uppercase letters or digits) is not an INSEE commune or country code, or null. */
    private static String inseeProblem(String code) {
        String department = code.substring(0, 2);
        String rest = code.substring(2);
        if (department.equals("2A") || department.equals("2B")) {
            return rest.matches("[0-9]{3}") ? communeProblem(rest) : "a Corsican code is 2A or 2B followed by three digits";
        }
        if (!code.matches("[0-9]{5}")) {
            return "letters are only allowed in the Corsican départements 2A and 2B";
        }
        switch (department) {
            case "99" -> {
                return code.equals("99999") || code.charAt(2) >= '1' && code.charAt(2) <= '5' ? null
                        : "a country code is 99, the continent digit 1 to 5 and two digits (99999: country unknown)";
            }
            case "97" -> {
                return code.charAt(2) >= '1' && code.charAt(2) <= '8' ? null
                        : "an overseas département or collectivity code starts with 971 to 978";
            }
            case "98" -> {
                return OVERSEAS_98.contains(code.charAt(2)) ? null
                        : "an overseas collectivity code starts with 984, 986, 987, 988 or 989";
            }
            case "00", "96" -> {
                return "département " + department + " does not exist";
            }
            default -> {
                return communeProblem(rest);
            }
        }
    }

    private static String communeProblem(String commune) {
        return commune.equals("000") ? "commune number 000 does not exist" : null;
    }

    /** Whether the code designates a country ({@code 99xxx}) rather than a French commune. */
    public boolean isCountry() {
        return code.startsWith("99");
    }

    @Override
    public String toString() {
        return code;
    }
}

package fr.vigie.protocol.identity;

import java.util.Locale;

/**
 * The {@code LieuNaissance} trait: the 5-character INSEE code of the birth commune, or of the
 * country for a birth abroad ({@code 99xxx}). Letters appear in Corsican codes ({@code 2A004});
 * Vigie stores them uppercased. Immutable.
 *
 * @param code five characters of A–Z and 0–9
 */
public record BirthPlace(String code) {

    public BirthPlace {
        if (code == null || !code.matches("[A-Z0-9]{5}")) {
            throw new IllegalArgumentException("birth place must be 5 characters of A-Z and 0-9");
        }
    }

    /**
     * Reads a code of 5 letters or digits, uppercasing letters; surrounding spaces are ignored.
     *
     * @throws IdentityException {@link IdentityError#TRAIT_BAD_BIRTHPLACE} with the reason
     */
    public static BirthPlace parse(String text) throws IdentityException {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[A-Za-z0-9]{5}")) {
            String why = t.length() != 5 ? "it has " + t.length() + " characters"
                    : "it holds a character other than a letter or digit";
            throw new IdentityException(IdentityError.TRAIT_BAD_BIRTHPLACE,
                    "birth place must be a 5-character INSEE code of letters and digits; " + why);
        }
        return new BirthPlace(t.toUpperCase(Locale.ROOT));
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

package fr.vigie.protocol.identity;

/**
 * The sex as INSi knows it: the {@code Sexe} trait ({@code F} or {@code M}), and the first digit of
 * a matricule ({@code 2} or {@code 1}).
 */
public enum Sex {
    FEMALE('F', '2'),
    MALE('M', '1');

    private final char traitCode;
    private final char matriculeDigit;

    Sex(char traitCode, char matriculeDigit) {
        this.traitCode = traitCode;
        this.matriculeDigit = matriculeDigit;
    }

    /** The INSi {@code Sexe} value: {@code F} or {@code M}. */
    public String traitCode() {
        return String.valueOf(traitCode);
    }

    /** The first character of a matricule of this sex: {@code 2} or {@code 1}. */
    public char matriculeDigit() {
        return matriculeDigit;
    }

    static Sex ofTraitCode(char c) {
        for (Sex s : values()) {
            if (s.traitCode == c) {
                return s;
            }
        }
        return null;
    }

    static Sex ofMatriculeDigit(char c) {
        for (Sex s : values()) {
            if (s.matriculeDigit == c) {
                return s;
            }
        }
        return null;
    }
}

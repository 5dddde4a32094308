package fr.vigie.protocol.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The five strict traits of an identity as INSi knows them ({@code NomNaissance},
 * {@code ListePrenom}, {@code Sexe}, {@code DateNaissance}, {@code LieuNaissance}) and the two
 * complementary ones (nom utilisé, prénom utilisé), checked and normalised to the INSi alphabet:
 * uppercase A–Z, space, apostrophe and hyphen; {@code --} in names only; at most 100 characters.
 * Obtained only through {@link #check(TraitsInput, LocalDate)}, so an instance is always valid.
 * Immutable and thread-safe; {@link #toString()} shows no personal data.
 *
 * <p>Normalised: surrounding and repeated spaces, lowercase, accents (é→E, ç→C), typographic
 * apostrophes and Unicode hyphens. Rejected: ligatures (Æ, Œ: never expanded), digits, other
 * symbols, letters with no plain A–Z form (Ø, ß), misplaced separators, empty or over-long values.
 *
 * <pre>{@code
 * TraitsVerdict v = StrictTraits.check(
 *         TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain Jean", "M", "1950-03-00"), today);
 * StrictTraits t = v.orThrow();
 * t.nomNaissance();                  // D'ARTAGNAN DE L'HERAULT
 * t.premierPrenom();                 // PIERRE-ALAIN
 * t.isPremierPrenom("Pierre Alain"); // true: hyphen and apostrophe count as a space
 * }</pre>
 */
public final class StrictTraits {
    private final String nomNaissance;
    private final List<String> listePrenom;
    private final Sex sexe;
    private final BirthDate dateNaissance;
    private final BirthPlace lieuNaissance;
    private final String nomUtilise;
    private final String prenomUtilise;

    StrictTraits(String nomNaissance, List<String> listePrenom, Sex sexe, BirthDate dateNaissance,
            BirthPlace lieuNaissance, String nomUtilise, String prenomUtilise) {
        this.nomNaissance = Objects.requireNonNull(nomNaissance);
        this.listePrenom = List.copyOf(listePrenom);
        this.sexe = Objects.requireNonNull(sexe);
        this.dateNaissance = Objects.requireNonNull(dateNaissance);
        this.lieuNaissance = lieuNaissance;
        this.nomUtilise = nomUtilise;
        this.prenomUtilise = prenomUtilise;
    }

    /**
     * Checks and normalises every trait of {@code input}.
     *
     * @param today the current date where the identity is taken, to refuse birth dates in the future
     */
    public static TraitsVerdict check(TraitsInput input, LocalDate today) {
        return TraitsCheck.run(Objects.requireNonNull(input, "input"), Objects.requireNonNull(today, "today"));
    }

    public String nomNaissance() {
        return nomNaissance;
    }

    /** The first names, the premier prénom first; a composed name such as PIERRE-ALAIN is one element. */
    public List<String> listePrenom() {
        return listePrenom;
    }

    /** The INSi {@code ListePrenom} text: the first names separated by one space. */
    public String listePrenomText() {
        return String.join(" ", listePrenom);
    }

    /** The first element of the list. */
    public String premierPrenom() {
        return listePrenom.get(0);
    }

    public Sex sexe() {
        return sexe;
    }

    public BirthDate dateNaissance() {
        return dateNaissance;
    }

    public Optional<BirthPlace> lieuNaissance() {
        return Optional.ofNullable(lieuNaissance);
    }

    public Optional<String> nomUtilise() {
        return Optional.ofNullable(nomUtilise);
    }

    public Optional<String> prenomUtilise() {
        return Optional.ofNullable(prenomUtilise);
    }

    /** The first name the person goes by: the prénom utilisé when given, else the premier prénom. */
    public String prenomUtiliseOrPremier() {
        return prenomUtilise != null ? prenomUtilise : premierPrenom();
    }

    /** Whether {@code firstName} is the premier prénom, compared as {@link #samePrenom} does. */
    public boolean isPremierPrenom(String firstName) {
        return samePrenom(firstName, premierPrenom());
    }

    /**
     * Whether {@code firstName} occurs in the list of first names as a whole word or run of words,
     * hyphen and apostrophe counting as a space: {@code "ALAIN"} and {@code "PIERRE ALAIN"} occur
     * in {@code PIERRE-ALAIN JEAN}, {@code "ALA"} does not.
     */
    public boolean listePrenomContains(String firstName) {
        String wanted = comparisonKey(firstName);
        return !wanted.isEmpty() && (" " + comparisonKey(listePrenomText()) + " ").contains(" " + wanted + " ");
    }

    /**
     * Compares two first names the way INS rules do: case and accents aside, and with hyphen and
     * apostrophe counting as a space, so {@code "Jean-Pierre"} and {@code "JEAN PIERRE"} are the same.
     */
    public static boolean samePrenom(String a, String b) {
        String ka = comparisonKey(a);
        return !ka.isEmpty() && ka.equals(comparisonKey(b));
    }

    private static String comparisonKey(String name) {
        if (name == null) {
            return "";
        }
        String unaccented = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
        return unaccented.toUpperCase(Locale.ROOT).replaceAll("[-'\u2019\u2010\u2011]", " ")
                .replaceAll("[\\s\u00A0\u202F]+", " ").strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrictTraits t && t.nomNaissance.equals(nomNaissance) && t.listePrenom.equals(listePrenom)
                && t.sexe == sexe && t.dateNaissance.equals(dateNaissance)
                && Objects.equals(t.lieuNaissance, lieuNaissance) && Objects.equals(t.nomUtilise, nomUtilise)
                && Objects.equals(t.prenomUtilise, prenomUtilise);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance, nomUtilise, prenomUtilise);
    }

    @Override
    public String toString() {
        return "StrictTraits[values not shown]";
    }
}

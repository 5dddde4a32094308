package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.StrictTraits;
import java.util.Optional;

/**
 * The rule that calls two records near-identical, hence a probable duplicate (DOUB). On traits
 * already normalised by {@link StrictTraits} (uppercase A–Z, no accents), with hyphen and apostrophe
 * counted as a space, two records match when all of these hold:
 * <ol>
 * <li>same sex and same birth date (partial dates compare as written: 1950-03-00 only matches itself);</li>
 * <li>a name in common: the birth names are equal, or either's nom utilisé equals the other's birth name
 *     or nom utilisé (a married name on one record, the birth name on the other);</li>
 * <li>first names: the premiers prénoms are equal, or one whole list occurs in the other as a run of
 *     whole words ({@code JEAN} in {@code PIERRE JEAN}; {@code MARIE-ANNE} in {@code MARIE ANNE LOUISE});</li>
 * <li>birth place equal when both records know it (an unknown place does not prevent a match).</li>
 * </ol>
 * Stateless and thread-safe.
 */
final class TraitsMatch {
    private TraitsMatch() {
    }

    /** The reason the two are near-identical, or empty when they are not. */
    static Optional<String> nearIdentical(StrictTraits a, StrictTraits b) {
        if (a.sexe() != b.sexe() || !a.dateNaissance().equals(b.dateNaissance())) {
            return Optional.empty();
        }
        String name = sharedName(a, b);
        if (name == null) {
            return Optional.empty();
        }
        String firstNames;
        if (key(a.premierPrenom()).equals(key(b.premierPrenom()))) {
            firstNames = "same premier prénom";
        } else if (containsRun(a.listePrenomText(), b.listePrenomText())
                || containsRun(b.listePrenomText(), a.listePrenomText())) {
            firstNames = "one list of first names contains the other";
        } else {
            return Optional.empty();
        }
        if (a.lieuNaissance().isPresent() && b.lieuNaissance().isPresent()
                && !a.lieuNaissance().equals(b.lieuNaissance())) {
            return Optional.empty();
        }
        String place = a.lieuNaissance().isPresent() && b.lieuNaissance().isPresent()
                ? "same birth place" : "birth place unknown on one record";
        return Optional.of("near-identical traits: " + name + ", same birth date and sex, " + firstNames + ", "
                + place);
    }

    private static String sharedName(StrictTraits a, StrictTraits b) {
        String birthA = key(a.nomNaissance());
        String birthB = key(b.nomNaissance());
        if (birthA.equals(birthB)) {
            return "same birth name";
        }
        String usedA = a.nomUtilise().map(TraitsMatch::key).orElse(null);
        String usedB = b.nomUtilise().map(TraitsMatch::key).orElse(null);
        if (birthA.equals(usedB) || birthB.equals(usedA) || (usedA != null && usedA.equals(usedB))) {
            return "a birth name or nom utilisé in common";
        }
        return null;
    }

    private static boolean containsRun(String outer, String inner) {
        return (" " + key(outer) + " ").contains(" " + key(inner) + " ");
    }

    /** The comparison key of a normalised name: hyphens and apostrophes as single spaces. */
    static String key(String name) {
        return name.replaceAll("[-']+", " ").replaceAll(" +", " ").strip();
    }
}

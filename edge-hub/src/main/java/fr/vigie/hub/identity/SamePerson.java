package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The same-person rule (DOMAIN §9): whether an identity INSi or the ApCV returned may be the person of a
 * local record, so that the answer may touch that record. Stricter than the duplicate rule
 * ({@link TraitsMatch}), which only asks a person to look. On traits normalised by {@link StrictTraits}
 * (uppercase A–Z, accents removed) and compared with hyphen and apostrophe counted as a space, the two
 * are the same person when every one of these holds:
 * <ol>
 * <li><b>sex</b>: equal;</li>
 * <li><b>birth date</b>: same year; month and day equal wherever both dates know them. A partial date
 *     ("date lunaire", {@code 00} for an unknown month or day) agrees with a full one that has the same
 *     year and the same known parts: local {@code 1950-03-00} agrees with returned {@code 1950-03-15},
 *     not with {@code 1950-04-15}; local {@code 1950-00-00} agrees with any date in 1950;</li>
 * <li><b>birth name</b>: equal ({@code D'ARTAGNAN DE L'HERAULT} = {@code D ARTAGNAN DE L HERAULT});</li>
 * <li><b>first names</b>: equal, or one list is the other's first names followed by more ({@code JEAN} and
 *     {@code JEAN PIERRE}; {@code PIERRE ALAIN} and {@code PIERRE-ALAIN JEAN}): the premier prénom always
 *     agrees. A name in another position ({@code PIERRE} for {@code JEAN PIERRE}) does not;</li>
 * <li><b>birth place</b>: equal when both are known; unknown on either side is no difference.</li>
 * </ol>
 * Nothing else is tolerated: no typing error (one letter more, less or swapped), no birth name given as a
 * nom utilisé, no other first-name order. Such an answer is another person as far as Vigie can tell; the
 * agent sees both identities and the identity-vigilance cell decides. Nom and prénom utilisés are not
 * compared (INSi does not know them). Stateless and thread-safe.
 *
 * <pre>{@code
 * SamePerson.Verdict v = SamePerson.compare(record.traits(), returnedTraits);
 * if (!v.same()) { refuse(IDENTITY_MISMATCH, v.reason()); }
 * }</pre>
 */
public final class SamePerson {

    /** A criterion of the rule, named in a verdict when it does not hold. */
    public enum Criterion {
        SEX("sex differs"),
        BIRTH_DATE("birth dates disagree"),
        BIRTH_NAME("birth names differ"),
        FIRST_NAMES("first names disagree"),
        BIRTH_PLACE("birth places differ");

        private final String words;

        Criterion(String words) {
            this.words = words;
        }

        /** What failing it means, in words (no value). */
        public String words() {
            return words;
        }
    }

    /**
     * The rule's answer. Immutable.
     *
     * @param failed the criteria that do not hold, in rule order; empty when the two are the same person
     */
    public record Verdict(List<Criterion> failed) {
        public Verdict {
            failed = List.copyOf(failed);
        }

        /** Whether the two may be the same person. */
        public boolean same() {
            return failed.isEmpty();
        }

        /** The failed criteria in words, without any value: safe for logs and flags. */
        public String reason() {
            return same() ? "same person" : failed.stream().map(Criterion::words).collect(Collectors.joining(", "));
        }
    }

    private SamePerson() {
    }

    /** Compares a record's traits with the traits returned for it. The rule is symmetric. */
    public static Verdict compare(StrictTraits local, StrictTraits returned) {
        List<Criterion> failed = new ArrayList<>();
        if (local.sexe() != returned.sexe()) {
            failed.add(Criterion.SEX);
        }
        if (!datesAgree(local.dateNaissance(), returned.dateNaissance())) {
            failed.add(Criterion.BIRTH_DATE);
        }
        if (!TraitsMatch.key(local.nomNaissance()).equals(TraitsMatch.key(returned.nomNaissance()))) {
            failed.add(Criterion.BIRTH_NAME);
        }
        if (!firstNamesAgree(local.listePrenomText(), returned.listePrenomText())) {
            failed.add(Criterion.FIRST_NAMES);
        }
        if (local.lieuNaissance().isPresent() && returned.lieuNaissance().isPresent()
                && !local.lieuNaissance().equals(returned.lieuNaissance())) {
            failed.add(Criterion.BIRTH_PLACE);
        }
        return new Verdict(failed);
    }

    /** Same year, and month and day equal where both dates know them. */
    static boolean datesAgree(BirthDate a, BirthDate b) {
        return a.year() == b.year() && partsAgree(a.month(), b.month()) && partsAgree(a.day(), b.day());
    }

    private static boolean partsAgree(OptionalInt a, OptionalInt b) {
        return a.isEmpty() || b.isEmpty() || a.getAsInt() == b.getAsInt();
    }

    /** Equal word lists, or one a leading run of the other's words. */
    static boolean firstNamesAgree(String a, String b) {
        String ka = TraitsMatch.key(a);
        String kb = TraitsMatch.key(b);
        return ka.equals(kb) || (kb + " ").startsWith(ka + " ") || (ka + " ").startsWith(kb + " ");
    }
}

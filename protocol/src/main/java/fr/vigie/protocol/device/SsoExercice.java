package fr.vigie.protocol.device;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exercice a clinician works under, as the kiosk read it from the CPS card, named as Pro Santé Connect's
 * userinfo names it in {@code SubjectRefPro.exercices[]} (and {@code activities[]} for the site). It is what the
 * enrolled kiosk read: the card's signature proves the person, the kiosk vouches for the exercice. Immutable.
 *
 * @param codeProfession the profession, a code of the ANS nomenclature TRE_G15-ProfessionSante (two digits,
 *     e.g. {@code 10} doctor, {@code 60} nurse)
 * @param codeSavoirFaire the specialty, when the card gives one (letters and digits, e.g. {@code SM54})
 * @param numeroFinessSite the FINESS number of the site (structure) the exercice is practised at, when known
 * @param raisonSocialeSite the name of that site (structure), when known
 */
public record SsoExercice(String codeProfession, Optional<String> codeSavoirFaire, Optional<String> numeroFinessSite,
        Optional<String> raisonSocialeSite) {
    private static final Pattern PROFESSION = Pattern.compile("[0-9]{2}");
    private static final Pattern SAVOIR_FAIRE = Pattern.compile("[A-Z0-9]{1,10}");
    /** FINESS: two characters of the département (2A/2B in Corsica) and seven digits. */
    private static final Pattern FINESS = Pattern.compile("(?:[0-9]{2}|2A|2B)[0-9]{7}");
    private static final int NAME_MAX = 120;

    public SsoExercice {
        if (codeProfession == null || !PROFESSION.matcher(codeProfession).matches()) {
            throw new IllegalArgumentException("exercice.codeProfession must be a TRE_G15 code of two digits");
        }
        codeSavoirFaire = Fields.optional(codeSavoirFaire);
        if (codeSavoirFaire.isPresent() && !SAVOIR_FAIRE.matcher(codeSavoirFaire.get()).matches()) {
            throw new IllegalArgumentException("exercice.codeSavoirFaire must be 1 to 10 capital letters or digits");
        }
        numeroFinessSite = Fields.optional(numeroFinessSite);
        if (numeroFinessSite.isPresent() && !FINESS.matcher(numeroFinessSite.get()).matches()) {
            throw new IllegalArgumentException("exercice.numeroFinessSite must be a FINESS number of 9 characters");
        }
        raisonSocialeSite = Fields.optional(raisonSocialeSite);
        if (raisonSocialeSite.isPresent()) {
            Fields.text("exercice.raisonSocialeSite", raisonSocialeSite.get(), NAME_MAX);
            if (raisonSocialeSite.get().chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("exercice.raisonSocialeSite must not hold control characters");
            }
        }
    }
}

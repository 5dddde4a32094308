package fr.vigie.hardware.card;

import java.util.Objects;
import java.util.Optional;

/**
 * One person covered by a Vitale card: the insured person or a dependant. Immutable.
 *
 * @param nir the person's own NIR as stored (13 digits + 2-digit key), if the card carries one;
 *     never logged in full
 * @param rang the birth rank ("rang de naissance", 1..9) that tells twins apart
 */
public record VitaleBeneficiary(Optional<String> nir, String familyName, String givenNames,
        VitaleBirthDate birthDate, int rang) {
    public VitaleBeneficiary {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(birthDate, "birthDate");
        if (rang < 1 || rang > 9) {
            throw new IllegalArgumentException("rang must be 1..9: " + rang);
        }
    }

    @Override
    public String toString() {
        return "VitaleBeneficiary[" + familyName + " " + givenNames + ", born " + birthDate + ", rang " + rang
                + ", nir " + nir.map(n -> n.substring(0, 1) + "**************").orElse("none") + "]";
    }
}

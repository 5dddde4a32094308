package fr.vigie.hub.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TraitsMatchTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 2);

    private static StrictTraits t(TraitsInput in) throws IdentityException {
        return StrictTraits.check(in, TODAY).orThrow();
    }

    private static TraitsInput in(String nom, String prenoms, String sexe, String date) {
        return TraitsInput.of(nom, prenoms, sexe, date);
    }

    @Test
    void sameBirthNameDateSexAndPremierPrenomMatchWhateverTheCaseAccentsAndHyphens() throws IdentityException {
        assertTrue(TraitsMatch.nearIdentical(t(in("D'Artagnan", "Jean-Pierre", "M", "1950-03-01")),
                t(in("D ARTAGNAN", "Jean Pierre Marc", "M", "1950-03-01"))).isPresent());
    }

    @Test
    void oneListOfFirstNamesContainedInTheOtherMatches() throws IdentityException {
        assertTrue(TraitsMatch.nearIdentical(t(in("Martin", "Marie Anne Louise", "F", "1980-01-01")),
                t(in("Martin", "Anne Louise", "F", "1980-01-01"))).isPresent());
    }

    @Test
    void nomUtiliseOnOneRecordMatchesTheBirthNameOfTheOther() throws IdentityException {
        assertTrue(TraitsMatch.nearIdentical(t(in("Durand", "Claire", "F", "1975-06-15").withNomUtilise("Martin")),
                t(in("Martin", "Claire", "F", "1975-06-15"))).isPresent());
    }

    @Test
    void differentSexDateFirstNameOrKnownBirthPlaceDoNotMatch() throws IdentityException {
        StrictTraits base = t(in("Martin", "Claire", "F", "1975-06-15").withLieuNaissance("75056"));
        assertFalse(TraitsMatch.nearIdentical(base, t(in("Martin", "Claire", "M", "1975-06-15"))).isPresent());
        assertFalse(TraitsMatch.nearIdentical(base, t(in("Martin", "Claire", "F", "1975-06-16"))).isPresent());
        assertFalse(TraitsMatch.nearIdentical(base, t(in("Martin", "Claudine", "F", "1975-06-15"))).isPresent());
        assertFalse(TraitsMatch.nearIdentical(base, t(in("Martin", "Claire", "F", "1975-06-15")
                .withLieuNaissance("69123"))).isPresent());
        assertTrue(TraitsMatch.nearIdentical(base, t(in("Martin", "Claire", "F", "1975-06-15"))).isPresent(),
                "an unknown birth place does not prevent a match");
    }

    @Test
    void partOfAFirstNameIsNotContainment() throws IdentityException {
        assertFalse(TraitsMatch.nearIdentical(t(in("Martin", "Anne", "F", "1980-01-01")),
                t(in("Martin", "Marianne", "F", "1980-01-01"))).isPresent());
    }
}

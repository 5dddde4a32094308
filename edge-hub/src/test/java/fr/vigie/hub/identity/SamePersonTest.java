package fr.vigie.hub.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.identity.SamePerson.Criterion;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same-person rule on pairs (local record | returned identity): the same person written another
 * way is accepted, another person is refused with the criteria that failed. Traits are written
 * {@code NOM/PRENOMS/SEXE/DATE[/LIEU]}.
 */
class SamePersonTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 2);

    private static StrictTraits t(String spec) throws IdentityException {
        String[] p = spec.split("/");
        TraitsInput in = TraitsInput.of(p[0], p[1], p[2], p[3]);
        return StrictTraits.check(p.length > 4 ? in.withLieuNaissance(p[4]) : in, TODAY).orThrow();
    }

    private static List<Criterion> failed(String local, String returned) throws IdentityException {
        SamePerson.Verdict v = SamePerson.compare(t(local), t(returned));
        assertEquals(v.failed(), SamePerson.compare(t(returned), t(local)).failed(), "the rule is symmetric");
        return v.failed();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        // the same traits, however typed
        "Legrand/Sophie/F/1990-11-20/33063 | LEGRAND/SOPHIE/F/1990-11-20/33063",
        "Lefèvre/Anne-Sophie/F/1997-02-14 | LEFEVRE/ANNE SOPHIE/F/1997-02-14",
        "d'Artagnan de l'Hérault/Pierre Alain/M/1950-03-15 | D'ARTAGNAN DE L'HERAULT/PIERRE-ALAIN JEAN/M/1950-03-15",
        "D ARTAGNAN DE L HERAULT/Pierre-Alain Jean/M/1950-03-15 | D'ARTAGNAN DE L'HERAULT/PIERRE-ALAIN JEAN/M/1950-03-15",
        "Dupont--Martin/Marie/F/1980-05-12 | DUPONT MARTIN/MARIE/F/1980-05-12",
        // INSi returns the full list of first names for a local premier prénom, or the converse
        "Dupont/Marie/F/1980-05-12 | DUPONT/MARIE CLAIRE/F/1980-05-12/75056",
        "Nguyen/Thi Lan Anh/F/1985-07-14 | NGUYEN/THI LAN/F/1985-07-14",
        // partial dates agree with the known parts
        "Inconnu/Homme/M/1970-00-00 | INCONNU/HOMME/M/1970-06-21",
        "Casanova/Anna/F/1997-02-00 | CASANOVA/ANNA/F/1997-02-08",
        "Casanova/Anna/F/1997-02-08 | CASANOVA/ANNA/F/1997-00-00",
        // a birth place unknown on one side is no difference
        "Martin/Jean/M/1975-03-03 | MARTIN/JEAN/M/1975-03-03/69123"})
    void theSamePersonWrittenAnotherWayIsAccepted(String local, String returned) throws IdentityException {
        assertEquals(List.of(), failed(local, returned));
        assertTrue(SamePerson.compare(t(local), t(returned)).same());
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // other people's identities (issue 11: a QUAL record, then another person's traits or Vitale card)
        "Legrand/Sophie/F/1990-11-20/33063 | NGUYEN/THI LAN/F/1985-07-14/99243 | BIRTH_DATE BIRTH_NAME FIRST_NAMES BIRTH_PLACE",
        "Legrand/Sophie/F/1990-11-20 | DUPONT/MARIE CLAIRE/F/1980-05-12/75056 | BIRTH_DATE BIRTH_NAME FIRST_NAMES",
        "Dupont/Marie Claire/F/1980-05-12 | D'ARTAGNAN DE L'HERAULT/PIERRE-ALAIN JEAN/M/1950-03-15 | SEX BIRTH_DATE BIRTH_NAME FIRST_NAMES",
        // one trait off is already another person
        "Martin/Jean/M/1975-03-03 | MARTIN/JEAN/F/1975-03-03 | SEX",
        "Martin/Jean/M/1975-03-03 | MARTIN/JEAN/M/1975-03-04 | BIRTH_DATE",
        "Martin/Jean/M/1975-03-03 | MARTIN/JEAN/M/1976-03-03 | BIRTH_DATE",
        "Martin/Jean/M/1975-03-03/69123 | MARTIN/JEAN/M/1975-03-03/13055 | BIRTH_PLACE",
        "Martin/Jean/M/1975-03-00 | MARTIN/JEAN/M/1975-04-03 | BIRTH_DATE",
        "Martin/Jean/M/1975-00-00 | MARTIN/JEAN/M/1974-12-31 | BIRTH_DATE",
        // twins: same everything but the premier prénom
        "Martin/Paul/M/2001-09-09/69123 | MARTIN/PIERRE/M/2001-09-09/69123 | FIRST_NAMES",
        // first names in another order, or a later first name only
        "Dupont/Claire Marie/F/1980-05-12 | DUPONT/MARIE CLAIRE/F/1980-05-12 | FIRST_NAMES",
        "Dupont/Claire/F/1980-05-12 | DUPONT/MARIE CLAIRE/F/1980-05-12 | FIRST_NAMES",
        "Dupont/Marie Louise/F/1980-05-12 | DUPONT/MARIE CLAIRE/F/1980-05-12 | FIRST_NAMES",
        "Dupont/Mar/F/1980-05-12 | DUPONT/MARIE CLAIRE/F/1980-05-12 | FIRST_NAMES",
        // no typing error is tolerated
        "Casanovas/Anna/F/1997-02-08 | CASANOVA/ANNA/F/1997-02-08/2A020 | BIRTH_NAME",
        "Casnaova/Anna/F/1997-02-08 | CASANOVA/ANNA/F/1997-02-08 | BIRTH_NAME",
        "Casanova/Ana/F/1997-02-08 | CASANOVA/ANNA/F/1997-02-08 | FIRST_NAMES",
        // a married name typed as the birth name
        "Durand/Claire/F/1975-06-15 | MARTIN/CLAIRE/F/1975-06-15 | BIRTH_NAME"})
    void anotherPersonIsRefusedWithTheCriteriaThatFailed(String local, String returned, String criteria)
            throws IdentityException {
        List<Criterion> expected = Arrays.stream(criteria.split(" ")).map(Criterion::valueOf).toList();

        assertEquals(expected, failed(local, returned));
        assertFalse(SamePerson.compare(t(local), t(returned)).same());
    }

    @Test
    void theReasonNamesTheCriteriaButNoValue() throws IdentityException {
        SamePerson.Verdict v = SamePerson.compare(t("Legrand/Sophie/F/1990-11-20"), t("NGUYEN/THI LAN/F/1985-07-14"));

        assertEquals("birth dates disagree, birth names differ, first names disagree", v.reason());
        assertFalse(v.reason().contains("NGUYEN") || v.reason().contains("1985"));
    }

    @Test
    void nearIdenticalRecordsAreNotAlwaysTheSamePerson() throws IdentityException {
        StrictTraits local = t("Martin/Anne Louise/F/1980-01-01");
        StrictTraits returned = t("MARTIN/MARIE ANNE LOUISE/F/1980-01-01");

        assertTrue(TraitsMatch.nearIdentical(local, returned).isPresent(), "a duplicate for the cell to look at");
        assertEquals(List.of(Criterion.FIRST_NAMES), SamePerson.compare(local, returned).failed(),
                "but not a premier prénom INSi may be trusted with");
    }
}

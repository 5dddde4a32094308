package fr.vigie.protocol.identity;

import static fr.vigie.protocol.identity.TraitNamesTest.TODAY;
import static fr.vigie.protocol.identity.TraitNamesTest.onlyError;
import static fr.vigie.protocol.identity.TraitNamesTest.onlyReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole verdict: every trait, optional ones, the result and first-name comparison. */
class StrictTraitsTest {
    private static final TraitsInput CNDA = TraitsInput.of("D'Artagnan de l'Hérault", "Pierre-Alain  Jean", "m",
            "1950-03-00").withLieuNaissance("2a004").withNomUtilise("Martin").withPrenomUtilise("Alain");

    @Test
    void acceptedTraitsCarryTheNormalisedValues() throws IdentityException {
        TraitsVerdict v = StrictTraits.check(CNDA, TODAY);

        StrictTraits t = v.orThrow();
        assertTrue(v.accepted());
        assertEquals("D'ARTAGNAN DE L'HERAULT", t.nomNaissance());
        assertEquals(List.of("PIERRE-ALAIN", "JEAN"), t.listePrenom());
        assertEquals("PIERRE-ALAIN JEAN", t.listePrenomText());
        assertEquals(Sex.MALE, t.sexe());
        assertEquals(BirthDate.of(1950, 3, 0), t.dateNaissance());
        assertEquals(Optional.of(new BirthPlace("2A004")), t.lieuNaissance());
        assertEquals(Optional.of("MARTIN"), t.nomUtilise());
        assertEquals(Optional.of("ALAIN"), t.prenomUtilise());
        assertEquals("ALAIN", t.prenomUtiliseOrPremier());
    }

    @Test
    void verdictTellsPerFieldWhatWasChanged() {
        TraitsVerdict v = StrictTraits.check(CNDA, TODAY);

        assertEquals(Set.of(TraitChange.UPPERCASED, TraitChange.ACCENTS_REMOVED), v.field(Trait.NOM_NAISSANCE).changes());
        assertEquals(Set.of(TraitChange.UPPERCASED, TraitChange.SPACES_COLLAPSED), v.field(Trait.LISTE_PRENOM).changes());
        assertEquals(Set.of(TraitChange.UPPERCASED), v.field(Trait.SEXE).changes());
        assertEquals(Set.of(), v.field(Trait.DATE_NAISSANCE).changes());
        assertEquals("2A004", v.field(Trait.LIEU_NAISSANCE).value());
        assertEquals(Set.of(TraitChange.UPPERCASED), v.field(Trait.LIEU_NAISSANCE).changes());
        assertTrue(v.changedAnything());
        assertEquals(List.of(Trait.values()), v.fields().stream().map(TraitsVerdict.FieldVerdict::trait).toList());
    }

    @Test
    void cleanInputIsAcceptedWithoutChanges() {
        TraitsVerdict v = StrictTraits.check(TraitsInput.of("MARTIN", "JEAN", "F", "1980-12-31"), TODAY);

        assertTrue(v.accepted());
        assertFalse(v.changedAnything());
        assertEquals(Optional.empty(), v.field(Trait.LIEU_NAISSANCE).normalised());
        assertTrue(v.field(Trait.NOM_UTILISE).accepted());
        assertEquals(Optional.empty(), v.traits().orElseThrow().prenomUtilise());
        assertEquals("JEAN", v.traits().orElseThrow().prenomUtiliseOrPremier());
    }

    @Test
    void everyRejectedTraitIsReportedAndNoTraitsAreProduced() {
        TraitsInput in = TraitsInput.of("CŒUR", "JEAN--PIERRE", "X", "1950-02-30").withLieuNaissance("750");

        TraitsVerdict v = StrictTraits.check(in, TODAY);

        assertFalse(v.accepted());
        assertEquals(Optional.empty(), v.traits());
        assertEquals(List.of(IdentityError.TRAIT_LIGATURE, IdentityError.TRAIT_BAD_SEPARATOR,
                IdentityError.TRAIT_BAD_SEX, IdentityError.TRAIT_BAD_DATE, IdentityError.TRAIT_BAD_BIRTHPLACE),
                v.rejections().stream().map(TraitsVerdict.Rejection::error).toList());
        IdentityException e = assertThrows(IdentityException.class, v::orThrow);
        assertEquals(IdentityError.TRAIT_LIGATURE, e.error());
        assertTrue(e.getMessage().startsWith("NomNaissance: ligatures are not allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("; Sexe: must be F or M (the only values INSi knows), got 'X'"),
                e.getMessage());
    }

    @Test
    void sexMustBeFOrM() {
        assertEquals("F", StrictTraits.check(TraitsInput.of("MARTIN", "JEAN", " f ", "1980-01-01"), TODAY)
                .field(Trait.SEXE).value());
        assertEquals(IdentityError.TRAIT_BAD_SEX, onlyError(sexe("I")));
        assertEquals(IdentityError.TRAIT_BAD_SEX, onlyError(sexe("FM")));
        assertEquals(IdentityError.TRAIT_BAD_SEX, onlyError(sexe("2")));
        assertEquals(IdentityError.TRAIT_EMPTY, onlyError(sexe(null)));
    }

    @Test
    void birthDateInTheFutureIsRejected() {
        TraitsVerdict.FieldVerdict f = date("2025-03-15");

        assertEquals(IdentityError.TRAIT_BAD_DATE, onlyError(f));
        assertEquals("birth date 2025-03-15 is in the future (today is 2025-03-14)", onlyReason(f));
    }

    @Test
    void partialDateIsInTheFutureOnlyIfItsEarliestDayIs() {
        assertTrue(date("2025-03-14").accepted());
        assertTrue(date("2025-00-00").accepted());
        assertTrue(date("2025-03-00").accepted());
        assertEquals(IdentityError.TRAIT_BAD_DATE, onlyError(date("2025-04-00")));
    }

    @Test
    void badlyWrittenDateIsRejectedWithTheExpectedForm() {
        TraitsVerdict.FieldVerdict f = date("14/03/1950");

        assertEquals(IdentityError.TRAIT_BAD_DATE, onlyError(f));
        assertEquals("birth date must be written YYYY-MM-DD, with 00 for an unknown month or day", onlyReason(f));
        assertEquals(IdentityError.TRAIT_EMPTY, onlyError(date("")));
    }

    @Test
    void birthPlaceIsOptionalButMustBeFiveLettersOrDigits() {
        assertEquals(IdentityError.TRAIT_BAD_BIRTHPLACE, onlyError(lieu("7505")));
        assertEquals("birth place must be a 5-character INSEE code of letters and digits; it holds a character other"
                + " than a letter or digit", onlyReason(lieu("75-56")));
        assertTrue(lieu("   ").accepted());
        assertEquals("99352", lieu(" 99352 ").value());
        assertEquals(Set.of(TraitChange.TRIMMED), lieu(" 99352 ").changes());
    }

    @Test
    void complementaryTraitsFollowTheNameRules() {
        TraitsInput in = TraitsInput.of("MARTIN", "JEAN", "M", "1980-01-01").withNomUtilise("Dupont--Martin")
                .withPrenomUtilise("Jean--Paul");

        TraitsVerdict v = StrictTraits.check(in, TODAY);

        assertEquals("DUPONT--MARTIN", v.field(Trait.NOM_UTILISE).value());
        assertEquals(IdentityError.TRAIT_BAD_SEPARATOR, onlyError(v.field(Trait.PRENOM_UTILISE)));
    }

    @Test
    void firstNamesCompareWithHyphenAndApostropheCountingAsASpace() {
        assertTrue(StrictTraits.samePrenom("JEAN-PIERRE", "JEAN PIERRE"));
        assertTrue(StrictTraits.samePrenom("N'GOLO", "N GOLO"));
        assertTrue(StrictTraits.samePrenom("Hélène-Marie", "HELENE  MARIE"));
        assertFalse(StrictTraits.samePrenom("JEAN", "JEAN PIERRE"));
        assertFalse(StrictTraits.samePrenom("", ""));
        assertFalse(StrictTraits.samePrenom(null, "JEAN"));
    }

    @Test
    void premierPrenomIsTheFirstElementComparedWithTheSpaceRule() throws IdentityException {
        StrictTraits t = StrictTraits.check(CNDA, TODAY).orThrow();

        assertEquals("PIERRE-ALAIN", t.premierPrenom());
        assertTrue(t.isPremierPrenom("Pierre Alain"));
        assertTrue(t.isPremierPrenom("PIERRE-ALAIN"));
        assertFalse(t.isPremierPrenom("PIERRE"));
        assertFalse(t.isPremierPrenom("JEAN"));
    }

    @Test
    void listContainsWholeFirstNamesOrRunsOfThem() throws IdentityException {
        StrictTraits t = StrictTraits.check(CNDA, TODAY).orThrow();

        assertTrue(t.listePrenomContains("JEAN"));
        assertTrue(t.listePrenomContains("ALAIN"));
        assertTrue(t.listePrenomContains("alain jean"));
        assertTrue(t.listePrenomContains("PIERRE ALAIN JEAN"));
        assertFalse(t.listePrenomContains("ALA"));
        assertFalse(t.listePrenomContains("JEAN PIERRE"));
        assertFalse(t.listePrenomContains(" "));
    }

    @Test
    void nothingPrintedRevealsTheTraits() {
        TraitsVerdict v = StrictTraits.check(CNDA, TODAY);

        assertFalse(CNDA.toString().contains("Artagnan"), CNDA.toString());
        assertFalse(v.toString().contains("ARTAGNAN"), v.toString());
        assertFalse(v.traits().orElseThrow().toString().contains("ARTAGNAN"));
        assertTrue(v.toString().contains("NomNaissance ok"), v.toString());
    }

    @Test
    void equalInputsGiveEqualTraits() throws IdentityException {
        StrictTraits a = StrictTraits.check(CNDA, TODAY).orThrow();
        StrictTraits b = StrictTraits.check(CNDA.withNomUtilise("MARTIN"), TODAY).orThrow();

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    private static TraitsVerdict.FieldVerdict sexe(String raw) {
        return StrictTraits.check(TraitsInput.of("MARTIN", "JEAN", raw, "1980-01-01"), TODAY).field(Trait.SEXE);
    }

    private static TraitsVerdict.FieldVerdict date(String raw) {
        return StrictTraits.check(TraitsInput.of("MARTIN", "JEAN", "M", raw), TODAY).field(Trait.DATE_NAISSANCE);
    }

    private static TraitsVerdict.FieldVerdict lieu(String raw) {
        return StrictTraits.check(TraitsInput.of("MARTIN", "JEAN", "M", "1980-01-01").withLieuNaissance(raw), TODAY)
                .field(Trait.LIEU_NAISSANCE);
    }
}

package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and first names: what is normalised, what is rejected, CNDA-style cases first. */
class TraitNamesTest {
    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    static TraitsVerdict.FieldVerdict nom(String raw) {
        return StrictTraits.check(TraitsInput.of(raw, "JEAN", "M", "1950-01-01"), TODAY).field(Trait.NOM_NAISSANCE);
    }

    static TraitsVerdict.FieldVerdict prenoms(String raw) {
        return StrictTraits.check(TraitsInput.of("MARTIN", raw, "M", "1950-01-01"), TODAY).field(Trait.LISTE_PRENOM);
    }

    static IdentityError onlyError(TraitsVerdict.FieldVerdict f) {
        assertEquals(1, f.rejections().size(), f.rejections().toString());
        assertFalse(f.normalised().isPresent(), "a rejected trait has no value");
        return f.rejections().get(0).error();
    }

    static String onlyReason(TraitsVerdict.FieldVerdict f) {
        assertEquals(1, f.rejections().size(), f.rejections().toString());
        return f.rejections().get(0).reason();
    }

    @Test
    void cndaNameWithApostrophesAndSpacesIsValidAsIs() {
        TraitsVerdict.FieldVerdict f = nom("D'ARTAGNAN DE L'HERAULT");

        assertTrue(f.accepted());
        assertEquals("D'ARTAGNAN DE L'HERAULT", f.value());
        assertEquals(Set.of(), f.changes());
    }

    @Test
    void cndaComposedFirstNameIsValidAsOneFirstName() throws IdentityException {
        StrictTraits t = StrictTraits.check(TraitsInput.of("MARTIN", "PIERRE-ALAIN", "M", "1950-01-01"), TODAY)
                .orThrow();

        assertEquals(List.of("PIERRE-ALAIN"), t.listePrenom());
        assertEquals("PIERRE-ALAIN", t.premierPrenom());
    }

    @Test
    void cndaNameWithTheLigatureAeIsRejectedNotExpanded() {
        TraitsVerdict.FieldVerdict f = nom("D'ÆION");

        assertEquals(IdentityError.TRAIT_LIGATURE, onlyError(f));
        assertEquals("ligatures are not allowed in INSi data and are never expanded automatically; found 'Æ' at"
                + " position 3", onlyReason(f));
    }

    @Test
    void cndaNameWithTheLigatureOeIsRejectedNotExpanded() {
        TraitsVerdict.FieldVerdict f = nom("CŒUR");

        assertEquals(IdentityError.TRAIT_LIGATURE, onlyError(f));
        assertTrue(onlyReason(f).endsWith("found 'Œ' at position 2"), onlyReason(f));
    }

    @Test
    void lowercaseLigatureInAFirstNameIsRejectedToo() {
        assertEquals(IdentityError.TRAIT_LIGATURE, onlyError(prenoms("Zoé Lætitia")));
    }

    @Test
    void lowercaseAndAccentsAreNormalisedAndReported() {
        TraitsVerdict.FieldVerdict f = nom("d'Artagnan de l'Hérault");

        assertEquals("D'ARTAGNAN DE L'HERAULT", f.value());
        assertEquals(Set.of(TraitChange.UPPERCASED, TraitChange.ACCENTS_REMOVED), f.changes());
    }

    @Test
    void cedillaAndOtherDiacriticsLoseTheirMark() {
        assertEquals("FRANCOIS NUNEZ CHLOE", prenoms("François Núñez Chloë").value());
        assertEquals("ELOISE", prenoms("ÉLOÏSE").value());
        assertEquals(Set.of(TraitChange.ACCENTS_REMOVED), prenoms("ÉLOÏSE").changes());
    }

    @Test
    void combiningAccentTypedAfterItsLetterIsRemoved() {
        TraitsVerdict.FieldVerdict f = nom("HE\u0301RAULT");

        assertEquals("HERAULT", f.value());
        assertEquals(Set.of(TraitChange.ACCENTS_REMOVED), f.changes());
    }

    @Test
    void surroundingAndRepeatedSpacesAreNormalised() {
        TraitsVerdict.FieldVerdict f = nom("  DE \t LA\u00A0 FONTAINE ");

        assertEquals("DE LA FONTAINE", f.value());
        assertEquals(Set.of(TraitChange.TRIMMED, TraitChange.SPACES_COLLAPSED), f.changes());
    }

    @Test
    void typographicApostropheAndUnicodeHyphenBecomePlain() {
        TraitsVerdict.FieldVerdict f = nom("D’ARTAGNAN\u2010DUPONT");

        assertEquals("D'ARTAGNAN-DUPONT", f.value());
        assertEquals(Set.of(TraitChange.APOSTROPHE_NORMALISED, TraitChange.HYPHEN_NORMALISED), f.changes());
    }

    @Test
    void digitIsRejectedWithItsPosition() {
        TraitsVerdict.FieldVerdict f = nom("MARTIN2");

        assertEquals(IdentityError.TRAIT_FORBIDDEN_CHARACTER, onlyError(f));
        assertEquals("only letters A-Z, space, apostrophe and hyphen are allowed; found digit '2' at position 7",
                onlyReason(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MARTIN.DUPONT", "MARTIN,JEAN", "MARTIN_DUPONT", "MARTIN/DUPONT", "MARTIN(1)", "O\"BRIEN",
        "MARTIN–DUPONT"})
    void symbolIsRejected(String raw) {
        assertEquals(IdentityError.TRAIT_FORBIDDEN_CHARACTER, onlyError(nom(raw)));
    }

    @Test
    void sharpSIsRejectedRatherThanExpandedToSs() {
        TraitsVerdict.FieldVerdict f = nom("STRAßER");

        assertEquals(IdentityError.TRAIT_FORBIDDEN_CHARACTER, onlyError(f));
        assertTrue(onlyReason(f).contains("letter 'ß' at position 5 (no plain A-Z form)"), onlyReason(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SØRENSEN", "ŁUKASZ", "ИВАНОВ", "ΑΛΕΞΗΣ"})
    void letterWithoutAPlainFormIsRejected(String raw) {
        assertEquals(IdentityError.TRAIT_FORBIDDEN_CHARACTER, onlyError(nom(raw)));
    }

    @Test
    void everyForbiddenCharacterIsListedUpToFive() {
        String reason = onlyReason(nom("A1B2C3D4E5F6G7"));

        assertTrue(reason.endsWith("digit '5' at position 10 and 2 more"), reason);
    }

    @Test
    void doubleHyphenIsAllowedInNames() {
        assertEquals("MARTIN--DUPONT", nom("MARTIN--DUPONT").value());
    }

    @Test
    void doubleHyphenIsRejectedInFirstNames() {
        TraitsVerdict.FieldVerdict f = prenoms("JEAN--PIERRE");

        assertEquals(IdentityError.TRAIT_BAD_SEPARATOR, onlyError(f));
        assertEquals("has a double hyphen at position 5; it is allowed in names, not in first names", onlyReason(f));
    }

    @Test
    void tripleHyphenIsRejectedInNames() {
        assertEquals("has three hyphens in a row at position 7; names allow at most two",
                onlyReason(nom("MARTIN---DUPONT")));
    }

    @Test
    void separatorMustStandBetweenTwoLetters() {
        assertEquals("must start with a letter, not '-'", onlyReason(nom("-MARTIN")));
        assertEquals("must end with a letter, not '''", onlyReason(nom("MARTIN'")));
        assertEquals("has ''' followed by a space at position 2; a space, apostrophe or hyphen must stand between two"
                + " letters", onlyReason(nom("D' ARTAGNAN")));
        assertEquals(IdentityError.TRAIT_BAD_SEPARATOR, onlyError(prenoms("JEAN -PIERRE")));
        assertEquals(IdentityError.TRAIT_BAD_SEPARATOR, onlyError(nom("O''BRIEN")));
    }

    @Test
    void nameOfOneHundredCharactersIsAcceptedAndOneMoreIsNot() {
        String hundred = "A".repeat(50) + " " + "B".repeat(49);

        assertTrue(nom("  " + hundred + "  ").accepted(), "the limit applies to the normalised value");
        TraitsVerdict.FieldVerdict f = nom(hundred + "C");
        assertEquals(IdentityError.TRAIT_TOO_LONG, onlyError(f));
        assertEquals("is 101 characters long, the limit is 100", onlyReason(f));
    }

    @Test
    void listOfFirstNamesOverOneHundredCharactersIsRejected() {
        String many = String.join(" ", java.util.Collections.nCopies(20, "MARIE"));

        assertEquals(IdentityError.TRAIT_TOO_LONG, onlyError(prenoms(many)));
    }

    @Test
    void missingOrBlankNameIsRequired() {
        assertEquals(IdentityError.TRAIT_EMPTY, onlyError(nom(null)));
        assertEquals("is required", onlyReason(nom(" \t ")));
        assertEquals(IdentityError.TRAIT_EMPTY, onlyError(prenoms("")));
    }

    @Test
    void nameMadeOnlyOfSeparatorsIsRejected() {
        assertEquals(IdentityError.TRAIT_BAD_SEPARATOR, onlyError(nom("'-'")));
    }
}

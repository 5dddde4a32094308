package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsMatriculeTest {

    @Test
    void documentedExamplesHaveTheDocumentedKeys() throws IdentityException {
        assertEquals(78, InsMatricule.computeKey("297022A020778"));
        assertEquals(23, InsMatricule.computeKey("180032B020401"));
        assertEquals(78, InsMatricule.parse("297022A02077878").key());
        assertEquals(23, InsMatricule.parse("180032B02040123").key());
    }

    @Test
    void corsicanDepartment2AUses19ForTheKey() throws IdentityException {
        assertEquals(InsMatricule.computeKey("2970219020778"), InsMatricule.computeKey("297022A020778"));
    }

    @Test
    void corsicanDepartment2BUses18ForTheKey() throws IdentityException {
        assertEquals(InsMatricule.computeKey("1800318020401"), InsMatricule.computeKey("180032B020401"));
    }

    @Test
    void keyBelowTenIsWrittenWithALeadingZero() throws IdentityException {
        assertEquals(9, InsMatricule.computeKey("1850775123067"));
        assertEquals(9, InsMatricule.parse("185077512306709").key());
    }

    @Test
    void numberDivisibleBy97HasKey97() throws IdentityException {
        assertEquals(97, InsMatricule.computeKey("1850775123076"));
        assertEquals("185077512307697", InsMatricule.parse("185077512307697").value());
    }

    @Test
    void spacesBetweenGroupsAreRemoved() throws IdentityException {
        assertEquals("297022A02077878", InsMatricule.parse("2 97 02 2A 020 778 78").value());
        assertEquals("297022A02077878", InsMatricule.parse("  2 97 02 2A 020 778  78 ").value());
        assertEquals("297022A02077878", InsMatricule.parse("2\u00A097\u00A002\u00A02A\u00A0020\u00A0778\u202F78").value());
    }

    @Test
    void lowercaseCorsicanLetterIsUppercased() throws IdentityException {
        assertEquals("297022A02077878", InsMatricule.parse("297022a02077878").value());
    }

    @Test
    void spaceInsideAGroupIsRejectedNamingTheGroup() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("29 7022A02077878"));

        assertEquals(IdentityError.MATRICULE_CHARACTERS, e.error());
        assertEquals("a space splits the year group before character 3; spaces are allowed only between groups",
                e.getMessage());
    }

    @Test
    void punctuationIsRejectedBeforeTheLengthIsCounted() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("2 97 02 2A 020 778 / 78"));

        assertEquals(IdentityError.MATRICULE_CHARACTERS, e.error());
        assertEquals("'/' (character 20 as typed) is not allowed: a matricule is made of digits, 2A/2B and spaces"
                + " between groups", e.getMessage());
    }

    @Test
    void missingKeyIsRejectedAsAWrongLengthWithAHint() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("297022A020778"));

        assertEquals(IdentityError.MATRICULE_LENGTH, e.error());
        assertEquals("a matricule has 15 characters (spaces between groups aside), this one has 13; the 2-digit"
                + " key seems to be missing", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"29702202077878", "2970220207787800", "2"})
    void wrongLengthIsRejected(String text) {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse(text));

        assertEquals(IdentityError.MATRICULE_LENGTH, e.error());
        assertTrue(e.getMessage().contains("this one has " + text.length()), e.getMessage());
    }

    @Test
    void absentMatriculeIsRejected() {
        assertEquals("no matricule was given",
                assertThrows(IdentityException.class, () -> InsMatricule.parse(null)).getMessage());
        assertEquals(IdentityError.MATRICULE_LENGTH,
                assertThrows(IdentityException.class, () -> InsMatricule.parse("   ")).error());
    }

    @Test
    void letterOutsideTheDepartmentIsRejected() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("2970O2A02077878"));

        assertEquals(IdentityError.MATRICULE_CHARACTERS, e.error());
        assertEquals("character 5 (month) is 'O', not a digit", e.getMessage());
    }

    @Test
    void departmentWithLettersOtherThan2Aor2BIsRejected() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("297022C02077878"));

        assertEquals(IdentityError.MATRICULE_DEPARTMENT, e.error());
        assertEquals("department '2C' must be two digits, or 2A/2B for Corsica", e.getMessage());
    }

    @Test
    void department00IsRejected() throws IdentityException {
        String body = "1850300123456";
        String text = body + InsMatriculeKeyPropertyTest.two(InsMatricule.computeKey(body));

        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse(text));

        assertEquals(IdentityError.MATRICULE_DEPARTMENT, e.error());
        assertEquals("department 00 does not exist", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(chars = {'3', '4', '7', '8'})
    void provisionalNumberIsNotAnInsMatricule(char first) {
        IdentityException e = assertThrows(IdentityException.class,
                () -> InsMatricule.parse(first + "97022A02077878"));

        assertEquals(IdentityError.MATRICULE_SEX, e.error());
        assertEquals("the first character must be 1 (male) or 2 (female), got " + first + " (" + first
                + " marks a provisional number, which is not an INS)", e.getMessage());
    }

    @Test
    void firstDigitZeroIsRejectedAsSex() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("097022A02077878"));

        assertEquals(IdentityError.MATRICULE_SEX, e.error());
        assertEquals("the first character must be 1 (male) or 2 (female), got 0", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "13", "19", "43", "49"})
    void impossibleMonthIsRejected(String month) {
        String text = "297" + month + "2A02077878";

        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse(text));

        assertEquals(IdentityError.MATRICULE_MONTH, e.error());
        assertEquals("month " + month + " is not possible: it must be 01-12, or a pseudo-month 20-42 or 50-99",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "30", "42", "50", "99"})
    void pseudoMonthOfIncompleteCivilStatusIsAcceptedByDefault(String month) throws IdentityException {
        String body = "297" + month + "2A020778";
        String text = body + InsMatriculeKeyPropertyTest.two(InsMatricule.computeKey(body));

        InsMatricule m = InsMatricule.parse(text);

        assertEquals(month, m.monthDigits());
        assertFalse(m.hasCalendarMonth());
    }

    @Test
    void pseudoMonthIsRejectedUnderTheCalendarOnlyRule() throws IdentityException {
        String body = "2973075056123";
        String text = body + InsMatriculeKeyPropertyTest.two(InsMatricule.computeKey(body));

        IdentityException e = assertThrows(IdentityException.class,
                () -> InsMatricule.parse(text, InsMatricule.MonthRule.CALENDAR_ONLY));

        assertEquals(IdentityError.MATRICULE_MONTH, e.error());
        assertEquals("month 30 is not possible: it must be 01-12", e.getMessage());
    }

    @Test
    void keyMismatchIsReportedWithTheExpectedKeyAndNeverFixed() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse("297022A02077879"));

        assertEquals(IdentityError.KEY_MISMATCH, e.error());
        assertEquals("key 79 does not match the 13 first characters, whose key is 78; check the number against"
                + " the document (it is never corrected automatically)", e.getMessage());
    }

    @Test
    void keyOutsideTheRangeOfKeysIsAMismatch() {
        assertEquals(IdentityError.KEY_MISMATCH,
                assertThrows(IdentityException.class, () -> InsMatricule.parse("297022A02077800")).error());
        assertEquals(IdentityError.KEY_MISMATCH,
                assertThrows(IdentityException.class, () -> InsMatricule.parse("297022A02077899")).error());
    }

    @Test
    void rejectionMessagesNeverContainTheMatricule() {
        for (String text : new String[] {"297022A02077879", "397022A02077878", "297132A02077878", "29 7022A02077878"}) {
            IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.parse(text));
            assertFalse(e.getMessage().contains("97022A020778"), e.getMessage());
            assertFalse(e.toString().contains("97022A020778"), e.toString());
        }
    }

    @Test
    void toStringIsTheMaskedFormAndValueIsTheWholeMatricule() throws IdentityException {
        InsMatricule m = InsMatricule.parse("2 97 02 2A 020 778 78");

        assertEquals("2************78", m.masked());
        assertEquals("2************78", m.toString());
        assertEquals("2************78", String.valueOf(m));
        assertEquals("297022A02077878", m.value());
        assertEquals(15, m.masked().length());
    }

    @Test
    void maskShowsAMatriculeWhoseKeyDoesNotVerifyTheSameWayWithoutCheckingIt() {
        assertEquals("1************60", InsMatricule.mask("181036322045660"), "key 60 kept: 76 would verify");
        assertThrows(IllegalArgumentException.class, () -> InsMatricule.mask("18103632204566"));
    }

    @Test
    void accessorsReadEachGroup() throws IdentityException {
        InsMatricule m = InsMatricule.parse("297022A02077878");

        assertEquals(Sex.FEMALE, m.sex());
        assertEquals("97", m.yearDigits());
        assertEquals("02", m.monthDigits());
        assertTrue(m.hasCalendarMonth());
        assertEquals("2A", m.department());
        assertEquals("020", m.commune());
        assertEquals("778", m.order());
        assertEquals(78, m.key());
        assertEquals("297022A020778", m.body());
        assertEquals(Sex.MALE, InsMatricule.parse("180032B02040123").sex());
    }

    @Test
    void matriculesAreEqualByValueWhateverTheSpacing() throws IdentityException {
        assertEquals(InsMatricule.parse("297022A02077878"), InsMatricule.parse("2 97 02 2A 020 778 78"));
        assertEquals(InsMatricule.parse("297022A02077878").hashCode(), InsMatricule.parse("297022a02077878").hashCode());
        assertNotEquals(InsMatricule.parse("297022A02077878"), InsMatricule.parse("180032B02040123"));
    }

    @Test
    void computeKeyRejectsABodyOfTheWrongLength() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsMatricule.computeKey("297022A02077878"));

        assertEquals(IdentityError.MATRICULE_LENGTH, e.error());
        assertEquals("a matricule body has 13 characters (spaces between groups aside), this one has 15",
                e.getMessage());
    }

    @Test
    void computeKeyAcceptsSpacesBetweenGroups() throws IdentityException {
        assertEquals(78, InsMatricule.computeKey("2 97 02 2A 020 778"));
    }
}

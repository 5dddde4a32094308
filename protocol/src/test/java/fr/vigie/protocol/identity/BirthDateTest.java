package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateTest {

    @Test
    void completeDateIsALocalDate() throws IdentityException {
        BirthDate d = BirthDate.parse("1950-03-14");

        assertTrue(d.isComplete());
        assertEquals(Optional.of(LocalDate.of(1950, 3, 14)), d.toLocalDate());
        assertEquals("1950-03-14", d.toString());
        assertEquals("14-03-1950", d.toDayMonthYear());
        assertEquals(BirthDate.of(LocalDate.of(1950, 3, 14)), d);
    }

    @Test
    void unknownDayIsExplicitAndNeverInvented() throws IdentityException {
        BirthDate d = BirthDate.parse("1950-03-00");

        assertFalse(d.isComplete());
        assertEquals(OptionalInt.of(3), d.month());
        assertEquals(OptionalInt.empty(), d.day());
        assertEquals(Optional.empty(), d.toLocalDate());
        assertEquals(LocalDate.of(1950, 3, 1), d.earliestPossible());
        assertEquals("1950-03-00", d.toString());
        assertEquals("00-03-1950", d.toDayMonthYear());
    }

    @Test
    void unknownMonthAndDayLeaveOnlyTheYear() throws IdentityException {
        BirthDate d = BirthDate.parse("1950-00-00");

        assertEquals(1950, d.year());
        assertEquals(OptionalInt.empty(), d.month());
        assertEquals(OptionalInt.empty(), d.day());
        assertEquals(BirthDate.of(1950, 0, 0), d);
    }

    @Test
    void knownDayOfAnUnknownMonthIsKept() throws IdentityException {
        BirthDate d = BirthDate.parse("1950-00-31");

        assertEquals(OptionalInt.of(31), d.day());
        assertEquals(OptionalInt.empty(), d.month());
    }

    @Test
    void twentyNinthOfFebruaryExistsOnlyInLeapYears() throws IdentityException {
        assertTrue(BirthDate.parse("2000-02-29").isComplete());
        IdentityException e = assertThrows(IdentityException.class, () -> BirthDate.parse("1900-02-29"));
        assertEquals(IdentityError.TRAIT_BAD_DATE, e.error());
        assertEquals("birth date 1900-02-29 does not exist (1900 is not a leap year)", e.getMessage());
    }

    @Test
    void dayBeyondTheEndOfItsMonthIsRejected() {
        IdentityException e = assertThrows(IdentityException.class, () -> BirthDate.parse("1950-04-31"));

        assertEquals("birth date 1950-04-31 does not exist (April has 30 days)", e.getMessage());
    }

    @Test
    void impossibleMonthOrDayIsRejected() {
        assertEquals("birth month 13 is not possible: 01 to 12, or 00 when unknown",
                assertThrows(IdentityException.class, () -> BirthDate.parse("1950-13-01")).getMessage());
        assertEquals("birth day 32 is not possible: 01 to 31, or 00 when unknown",
                assertThrows(IdentityException.class, () -> BirthDate.parse("1950-00-32")).getMessage());
    }

    @Test
    void yearBeforeEighteenFiftyIsATypingError() {
        IdentityException e = assertThrows(IdentityException.class, () -> BirthDate.parse("0195-03-14"));

        assertEquals(IdentityError.TRAIT_BAD_DATE, e.error());
        assertEquals("birth year 195 is not possible (from 1850)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"14/03/1950", "1950-3-14", "19500314", "1950-03-14T00:00", " 1950-03-14", "1950-O3-14"})
    void otherWritingsAreRejected(String text) {
        IdentityException e = assertThrows(IdentityException.class, () -> BirthDate.parse(text));

        assertEquals(IdentityError.TRAIT_BAD_DATE, e.error());
    }

    @Test
    void programmaticConstructionRefusesImpossibleDates() {
        assertThrows(IllegalArgumentException.class, () -> BirthDate.of(1950, 2, 30));
        assertThrows(IllegalArgumentException.class, () -> BirthDate.of(LocalDate.of(1700, 1, 1)));
    }
}

package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNatPsTest {

    @Test
    void rppsIdentifierIsEightAndElevenDigitsWithAValidLuhnDigit() throws IdentityException {
        IdNatPs ps = IdNatPs.parse("810000000009");

        assertEquals(IdNatPs.Type.RPPS, ps.type());
        assertEquals(Optional.of("10000000009"), ps.rpps());
        assertEquals("10000000009", ps.nationalId());
        assertEquals("810000000009", ps.toString());
        assertEquals(Optional.empty(), ps.structureId());
    }

    @Test
    void classicLuhnExampleIsAValidRppsShape() throws IdentityException {
        assertEquals(3, IdNatPs.rppsCheckDigit("7992739871"));
        assertEquals(IdNatPs.Type.RPPS, IdNatPs.parse("879927398713").type());
    }

    @Test
    void rppsWithAWrongCheckDigitIsReportedWithTheExpectedDigit() {
        IdentityException e = assertThrows(IdentityException.class, () -> IdNatPs.parse("810000000001"));

        assertEquals(IdentityError.RPPS_KEY_MISMATCH, e.error());
        assertEquals("RPPS number 10000000001 fails its Luhn check: its last digit should be 9", e.getMessage());
    }

    @Test
    void everySingleDigitChangeOfAnRppsIsDetected() throws IdentityException {
        String valid = "8" + "1000356571" + IdNatPs.rppsCheckDigit("1000356571");
        IdNatPs.parse(valid);
        for (int i = 1; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String altered = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertEquals(IdentityError.RPPS_KEY_MISMATCH,
                            assertThrows(IdentityException.class, () -> IdNatPs.parse(altered)).error(), altered);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"81000000000", "8100000000090", "8100000O0009"})
    void rppsOfTheWrongShapeIsAFormatError(String text) {
        IdentityException e = assertThrows(IdentityException.class, () -> IdNatPs.parse(text));

        assertEquals(IdentityError.IDNAT_FORMAT, e.error());
        assertTrue(e.getMessage().startsWith("an RPPS idNat_PS is 8 followed by 11 digits"), e.getMessage());
    }

    @Test
    void adeliIdentifierIsZeroAndNineCharacters() throws IdentityException {
        assertEquals(IdNatPs.Type.ADELI, IdNatPs.parse("0751234567").type());
        assertEquals(IdNatPs.Type.ADELI, IdNatPs.parse("02A1234567").type());
        IdentityException e = assertThrows(IdentityException.class, () -> IdNatPs.parse("075123456"));
        assertEquals(IdentityError.IDNAT_FORMAT, e.error());
        assertEquals("an ADELI idNat_PS is 0 followed by 9 digits (2A or 2B first for Corsica)", e.getMessage());
    }

    @Test
    void structureScopedIdentifiersSplitStructureAndPersonNumber() throws IdentityException {
        IdNatPs finess = IdNatPs.parse("3750100018/ABC-123");
        assertEquals(IdNatPs.Type.FINESS, finess.type());
        assertEquals(Optional.of("750100018"), finess.structureId());
        assertTrue(finess.type().isStructureScoped());

        assertEquals(IdNatPs.Type.SIREN, IdNatPs.parse("4123456789/42").type());
        assertEquals(IdNatPs.Type.SIRET, IdNatPs.parse("512345678900012/agent.7").type());
        assertEquals(IdNatPs.Type.CABINET_ADELI, IdNatPs.parse("1C75001/12").type());
        assertEquals(IdNatPs.Type.CABINET_RPPS, IdNatPs.parse("6CAB00042/3").type());
    }

    @Test
    void structureIdentifierOfTheWrongLengthIsRejectedForItsType() {
        IdentityException e = assertThrows(IdentityException.class, () -> IdNatPs.parse("51234567890001/7"));

        assertEquals(IdentityError.IDNAT_FORMAT, e.error());
        assertEquals("the structure identifier of a SIRET / N° de registre idNat_PS must be 14 digits", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3750100018", "3750100018/", "3/42", "3750100018/a b", "3750100018/a/b"})
    void structureScopedIdentifierNeedsBothParts(String text) {
        assertEquals(IdentityError.IDNAT_FORMAT, assertThrows(IdentityException.class, () -> IdNatPs.parse(text)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2123456789", "7123456789", "9123456789", "X123"})
    void unknownTypePrefixIsRejected(String text) {
        IdentityException e = assertThrows(IdentityException.class, () -> IdNatPs.parse(text));

        assertEquals(IdentityError.IDNAT_TYPE, e.error());
        assertTrue(e.getMessage().endsWith("got '" + text.charAt(0) + "'"), e.getMessage());
    }

    @Test
    void absentIdentifierIsRejected() {
        assertEquals("no idNat_PS was given",
                assertThrows(IdentityException.class, () -> IdNatPs.parse("  ")).getMessage());
        assertEquals(IdentityError.IDNAT_FORMAT, assertThrows(IdentityException.class, () -> IdNatPs.parse(null)).error());
    }

    @Test
    void identifiersAreEqualByValueSoSessionsCanCompareCardAndToken() throws IdentityException {
        assertEquals(IdNatPs.parse("810000000009"), IdNatPs.parse(" 810000000009 "));
        assertNotEquals(IdNatPs.parse("810000000009"), IdNatPs.parse("879927398713"));
    }

    @Test
    void checkDigitNeedsTenDigits() {
        assertThrows(IllegalArgumentException.class, () -> IdNatPs.rppsCheckDigit("123"));
    }
}

package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthPlaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"75056", "01001", "95690", "2A004", "2b033", "20004", "97101", "97411", "97608",
        "97801", "98411", "98612", "98735", "98818", "98901", "99100", "99243", "99352", "99404", "99513", "99999"})
    void inseeCommuneAndCountryCodesAreAccepted(String code) throws IdentityException {
        assertEquals(code.toUpperCase(java.util.Locale.ROOT), BirthPlace.parse(code).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00123|département 00 does not exist",
        "96001|département 96 does not exist",
        "75000|commune number 000 does not exist",
        "2A000|commune number 000 does not exist",
        "2C004|letters are only allowed in the Corsican départements 2A and 2B",
        "7A056|letters are only allowed in the Corsican départements 2A and 2B",
        "2AB04|a Corsican code is 2A or 2B followed by three digits",
        "97901|an overseas département or collectivity code starts with 971 to 978",
        "97001|an overseas département or collectivity code starts with 971 to 978",
        "98501|an overseas collectivity code starts with 984, 986, 987, 988 or 989",
        "99001|a country code is 99, the continent digit 1 to 5 and two digits (99999: country unknown)",
        "99612|a country code is 99, the continent digit 1 to 5 and two digits (99999: country unknown)"})
    void codesThatAreNoInseeCodeAreRefusedWithThePreciseReason(String code, String reason) {
        IdentityException e = assertThrows(IdentityException.class, () -> BirthPlace.parse(code));

        assertEquals(IdentityError.TRAIT_BAD_BIRTHPLACE, e.error());
        assertEquals("birth place " + code + " is not an INSEE code: " + reason, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7505", "750561", "75-56", "", "  "})
    void aValueThatIsNotFiveLettersOrDigitsIsRefusedFirst(String code) {
        IdentityException e = assertThrows(IdentityException.class, () -> BirthPlace.parse(code));

        assertEquals(IdentityError.TRAIT_BAD_BIRTHPLACE, e.error());
        assertTrue(e.getMessage().startsWith("birth place must be a 5-character INSEE code"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"99352,true", "75056,false", "2A004,false"})
    void countryCodesAreTold(String code, boolean country) throws IdentityException {
        assertEquals(country, BirthPlace.parse(code).isCountry());
    }
}

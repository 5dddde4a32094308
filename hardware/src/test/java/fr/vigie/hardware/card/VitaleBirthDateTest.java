package fr.vigie.hardware.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VitaleBirthDateTest {
    @Test
    void aLunarDateIsKeptAsRead() throws CardRejectedException {
        VitaleBirthDate date = VitaleBirthDate.parse("19840000");

        assertTrue(date.isLunar());
        assertEquals("19840000", date.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30120000", "99991231", "17991231", "1984010", "1984O101"})
    void aDamagedDateIsAMalformedAnswerOfTheCard(String digits) {
        CardRejectedException e = assertThrows(CardRejectedException.class, () -> VitaleBirthDate.parse(digits));

        assertEquals(CardError.CARD_MALFORMED_RESPONSE, e.error());
    }
}

package fr.vigie.provisioning.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnrolmentCodesTest {
    @Test
    void lowerCaseSpacesAndAMissingHyphenMeanTheSameCode() {
        assertEquals("K7F2-9QXM", EnrolmentCodes.normalise("k7f2-9qxm"));
        assertEquals("K7F2-9QXM", EnrolmentCodes.normalise(" K7F2 9QXM "));
        assertEquals("K7F2-9QXM", EnrolmentCodes.normalise("k7f29qxm"));
    }

    @Test
    void lettersOutsideTheAlphabetAreReadAsCrockfordSays() {
        assertEquals("10A0-1Z2Y", EnrolmentCodes.normalise("lOaO-iZ2Y"));
    }

    @Test
    void somethingElseIsNotTurnedIntoACode() {
        assertEquals("K7F2-9QX", EnrolmentCodes.normalise("k7f2-9qx"));
        assertEquals("K7F2-9QX!", EnrolmentCodes.normalise("k7f2-9qx!"));
        assertEquals("", EnrolmentCodes.normalise(null));
    }
}

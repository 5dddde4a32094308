package fr.vigie.kiosk.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hardware.card.VitaleBirthDate;
import org.junit.jupiter.api.Test;

/** Values as the agent reads them on the admission screens. */
class AdmissionRenderTest {
    @Test
    void aVitaleBirthDateReadsDayMonthYearAndAnIncompleteOneKeepsItsZeros() throws Exception {
        assertEquals("20/11/1990", AdmissionRender.birthDate(VitaleBirthDate.parse("19901120")));
        assertEquals("00/00/1952", AdmissionRender.birthDate(VitaleBirthDate.parse("19520000")));
        assertEquals("31/02/2015", AdmissionRender.birthDate(VitaleBirthDate.parse("20150231")));
    }
}

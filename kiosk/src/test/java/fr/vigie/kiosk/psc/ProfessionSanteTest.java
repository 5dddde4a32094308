package fr.vigie.kiosk.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfessionSanteTest {
    @Test
    void professionCodesReadAsTheirNomenclatureLabels() {
        assertEquals("Médecin", ProfessionSante.label("10"));
        assertEquals("Pharmacien", ProfessionSante.label("21"));
        assertEquals("Chirurgien-Dentiste", ProfessionSante.label("40"));
        assertEquals("Sage-Femme", ProfessionSante.label("50"));
        assertEquals("Infirmier", ProfessionSante.label(" 60 "));
        assertEquals("Masseur-Kinésithérapeute", ProfessionSante.label("70"));
        assertEquals("Pédicure-Podologue", ProfessionSante.label("80"));
        assertEquals("Orthoprothésiste", ProfessionSante.label("81"));
        assertEquals("Orthophoniste", ProfessionSante.label("91"));
    }

    @Test
    void anUnknownCodeIsKeptAsItCame() {
        assertEquals("77", ProfessionSante.label("77"));
        assertEquals("X1", ProfessionSante.label("X1"));
        assertEquals("", ProfessionSante.label(null));
    }

    @Test
    void screensShowTheProfessionInWordsAndEventsKeepItsCode() {
        CibaState.Exercice doctor = new CibaState.Exercice("10", "SM26", "MARTIN", "CLAIRE",
                List.of("", "CH DE VIGIE - SITE NORD"));
        CibaState.Exercice unknown = new CibaState.Exercice("77", "", "DUBOIS", "JULIEN", List.of());

        assertEquals("Médecin — MARTIN CLAIRE — CH DE VIGIE - SITE NORD", doctor.screenLabel());
        assertEquals("10 MARTIN CLAIRE — CH DE VIGIE - SITE NORD", doctor.label());
        assertEquals("77 — DUBOIS JULIEN", unknown.screenLabel());
        assertEquals(128, new CibaState.Exercice("60", "", "N".repeat(200), "P", List.of()).screenLabel().length());
    }
}

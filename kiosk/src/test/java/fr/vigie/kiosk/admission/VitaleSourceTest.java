package fr.vigie.kiosk.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VitaleSourceTest {
    private final VirtualReaders readers = new VirtualReaders("Agent", "Patient");
    private final VitaleSource source = VitaleSource.anyReader(readers);

    @Test
    void theVitaleCardIsReadFromWhicheverReaderHoldsItNextToTheAgentsCps() throws Exception {
        // given the agent's CPS in one reader and the patient's Vitale card in the other
        readers.insert("Agent", VirtualCpsCard.builder(TestIgcSante.shared().issuePersonne("810001234565", "LEROY", "Anne"))
                .pin("1234").build());
        readers.insert("Patient", new VirtualVitaleCard(List.of(new VitaleBeneficiary(Optional.of("290113306308773"),
                "Legrand", "Sophie", new VitaleBirthDate(1990, 11, 20), 1))));

        // when the desk reads "the Vitale card"
        List<VitaleBeneficiary> beneficiaries = source.read().beneficiaries();

        // then the CPS is skipped and the patient's card is read
        assertEquals(1, beneficiaries.size());
        assertEquals("Legrand", beneficiaries.get(0).familyName());
    }

    @Test
    void withOnlyTheAgentsCpsTheDeskSaysNoVitaleCardIsThere() {
        readers.insert("Agent", VirtualCpsCard.builder(TestIgcSante.shared().issuePersonne("810001234565", "LEROY", "Anne"))
                .pin("1234").build());

        AdmissionFailure failure = assertThrows(AdmissionFailure.class, source::read);

        assertEquals(VitaleSource.VITALE_UNREADABLE, failure.code());
    }
}

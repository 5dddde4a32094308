package fr.vigie.hardware.card;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import java.util.List;
import java.util.Optional;

/** Shared test cards: RSA key generation is slow, so one credential serves every test of a JVM. */
public final class TestCards {
    public static final String ID_NAT_PS = "810100184436";
    private static CpsCredential doctor;

    private TestCards() {
    }

    public static synchronized CpsCredential doctor() {
        if (doctor == null) {
            doctor = TestIgcSante.shared().issuePersonne(ID_NAT_PS, "MARTIN", "CLAIRE");
        }
        return doctor;
    }

    public static VirtualCpsCard cps() {
        return VirtualCpsCard.builder(doctor()).pin("1234").build();
    }

    public static VirtualVitaleCard vitale() {
        try {
            return new VirtualVitaleCard(List.of(
                    new VitaleBeneficiary(Optional.of("180032B02040123"), "DUPONT", "JEAN PIERRE",
                            VitaleBirthDate.parse("19800315"), 1),
                    new VitaleBeneficiary(Optional.empty(), "DUPONT", "LEA", VitaleBirthDate.parse("20120000"), 1),
                    new VitaleBeneficiary(Optional.empty(), "DUPONT", "LOU", VitaleBirthDate.parse("20120000"), 2)));
        } catch (CardRejectedException e) {
            throw new AssertionError(e);
        }
    }
}

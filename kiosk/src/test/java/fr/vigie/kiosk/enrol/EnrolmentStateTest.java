package fr.vigie.kiosk.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.protocol.KioskAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrolmentStateTest {
    @Test
    void screenGetsTheCodeAQrPayloadAndEachChangeOnce() {
        EnrolmentState state = new EnrolmentState(KioskAddress.of("chu-nord", "accueil-1"), "K7F2-9QXM");
        List<EnrolmentState.Snapshot> seen = new ArrayList<>();

        state.addListener(seen::add);
        state.set(EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);
        state.set(EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);
        state.set(EnrolmentState.Phase.REJECTED, "borne inconnue");

        assertEquals(List.of(EnrolmentState.Phase.NOT_ENROLLED, EnrolmentState.Phase.WAITING_FOR_APPROVAL,
                EnrolmentState.Phase.REJECTED), seen.stream().map(EnrolmentState.Snapshot::phase).toList());
        assertEquals("VIGIE-ENROL:1:chu-nord/accueil-1:K7F2-9QXM", seen.get(1).qrPayload());
        assertEquals("K7F2-9QXM", seen.get(2).enrolmentCode());
        assertEquals("borne inconnue", seen.get(2).reason());
    }
}

package fr.vigie.hub.psc.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.protocol.device.CibaPhase;
import fr.vigie.protocol.device.CibaStatusAnswer;
import org.junit.jupiter.api.Test;

/** PSC's outcomes reach the kiosk as the device API's codes, with the status they always had. */
class PscDeviceRoutesTest {
    @Test
    void everyPscOutcomeKeepsItsName422WhenRefusedAnd502WhenPscWasNotReached() {
        for (PscError e : PscError.values()) {
            boolean refused = new PscException(e, "x").rejected();

            assertEquals(e.name(), PscDeviceRoutes.code(e).name());
            assertEquals(refused ? 422 : 502, PscDeviceRoutes.code(e).status(), e.name());
        }
    }

    @Test
    void anEndedSignInCarriesItsPscCodeAndNothingElse() {
        CibaStatusAnswer refused = PscDeviceRoutes.answer(new CibaStatus.Refused(PscError.PSC_ACCESS_DENIED, "refused on the phone"));
        CibaStatusAnswer failed = PscDeviceRoutes.answer(new CibaStatus.Failed(PscError.PSC_UNREACHABLE, "PSC down"));

        assertEquals(CibaStatusAnswer.refused(PscDeviceRoutes.code(PscError.PSC_ACCESS_DENIED)), refused);
        assertEquals(CibaPhase.FAILED, failed.status());
        assertEquals("PSC_UNREACHABLE", failed.code().orElseThrow().name());
    }
}

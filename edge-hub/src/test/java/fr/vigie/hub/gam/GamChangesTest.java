package fr.vigie.hub.gam;

import static fr.vigie.hub.gam.PamMessagesTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.identity.rniv.IdentityAttribute;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.TraitsInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which PAM messages a registry change calls for. */
class GamChangesTest {
    private static final TraitsInput LEGRAND = TraitsInput.of("Legrand", "Sophie", "F", "1990-11-20")
            .withLieuNaissance("33063");
    private static final String OLD = "290113306308773";
    private static final String NEW = "290113306310159";

    private static PamPatient p(RnivStatus status, String ins, IdentityAttribute... attributes) throws Exception {
        return PamPatient.of(record(8, LEGRAND, status, ins, ins == null ? null : InsOid.INS_NIR_TEST, attributes));
    }

    @Test
    void aNewRecordIsAnA28() throws Exception {
        assertEquals(List.of(PamEvent.A28), GamChanges.events(Optional.empty(), p(RnivStatus.QUAL, NEW)));
    }

    @Test
    void aStatusOrAttributeChangeIsAnA31() throws Exception {
        assertEquals(List.of(PamEvent.A31), GamChanges.events(Optional.of(p(RnivStatus.PROV, null)),
                p(RnivStatus.RECUP, NEW)));
        assertEquals(List.of(PamEvent.A31), GamChanges.events(Optional.of(p(RnivStatus.RECUP, NEW)),
                p(RnivStatus.QUAL, NEW)), "the INS appears: an update, not an identifier change");
        assertEquals(List.of(PamEvent.A31), GamChanges.events(Optional.of(p(RnivStatus.QUAL, NEW)),
                p(RnivStatus.QUAL, NEW, IdentityAttribute.HOMA)));
        assertEquals(List.of(PamEvent.A31), GamChanges.events(Optional.of(p(RnivStatus.QUAL, OLD)),
                p(RnivStatus.RECUP, NEW)), "leaving QUAL takes the INS away: an update");
    }

    @Test
    void theActiveInsOfAQualifiedRecordChangingIsAnA47() throws Exception {
        assertEquals(List.of(PamEvent.A47), GamChanges.events(Optional.of(p(RnivStatus.QUAL, OLD)),
                p(RnivStatus.QUAL, NEW)));
        assertEquals(List.of(PamEvent.A47, PamEvent.A31), GamChanges.events(Optional.of(p(RnivStatus.QUAL, OLD)),
                p(RnivStatus.QUAL, NEW, IdentityAttribute.HOMA)), "and the other change follows");
    }

    @Test
    void aChangeTheGamDoesNotSeeSendsNothing() throws Exception {
        assertEquals(List.of(), GamChanges.events(Optional.of(p(RnivStatus.RECUP, OLD)), p(RnivStatus.RECUP, NEW)),
                "a RECUP record's INS is not sent, so its change is not either");
        assertEquals(List.of(), GamChanges.events(Optional.of(p(RnivStatus.PROV, null)), p(RnivStatus.PROV, null)));
    }
}

package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The snapshot the screen is drawn from, and the change notifications that trigger it. */
class SessionViewTest {
    private final Rig rig = new Rig();
    private final AtomicInteger changes = new AtomicInteger();

    @Test
    void theViewSaysWhyTheScreenIsWhatItIs() {
        rig.session.addListener(changes::incrementAndGet);
        ScriptedCard card = new ScriptedCard("1234");
        rig.session.cardInserted(Rig.contact(Rig.MARTIN, card));
        rig.session.submitPin("0000".toCharArray());

        SessionView wrong = rig.session.view();
        assertEquals(SessionState.PIN_ENTRY, wrong.state());
        assertEquals(SessionReason.PIN_WRONG, wrong.reason());
        assertEquals(2, wrong.pinTriesLeft());
        assertEquals("MARTIN", wrong.clinician().familyName());
        assertEquals(rig.events.size(), changes.get(), "one notification per transition");

        rig.session.cardRemoved();
        SessionView idle = rig.session.view();
        assertEquals(SessionState.IDLE, idle.state());
        assertEquals(SessionReason.CARD_REMOVED, idle.reason());
        assertNull(idle.clinician());
    }

    @Test
    void aRejectedCertificateCarriesTheCheckReasonOnlyWhileRefused() {
        rig.session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")
                .failingProof(Verification.of(Verification.Outcome.CERTIFICATE_REJECTED, "certificate revoked"))));
        rig.session.submitPin("1234".toCharArray());

        assertEquals(SessionState.REFUSED, rig.session.view().state());
        assertEquals("certificate revoked", rig.session.view().refusalDetail());
        rig.session.cardRemoved();
        assertNull(rig.session.view().refusalDetail());
    }
}

package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.gpio.BeepPattern;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card side on its own, over the state machine: which card counts, and when its answer does. */
class CardSignInTest {
    private final Parts parts = new Parts(false);
    private final CardSignIn cards = parts.cards;

    @Test
    void onlyTheCardWhosePinOpenedTheSessionMaySignForIt() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        assertTrue(cards.hasSessionCard(martin.id));
        cards.removed();
        CardClaim tap = cards.claimTap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234"))).orElseThrow();
        cards.tapProved(tap, Rig.holder(Rig.MARTIN), Verification.ok());
        assertEquals(SessionState.OPEN, parts.machine.state());

        cards.inserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));

        assertEquals(List.of("CARD_DETECTED:CARD_INSERTED", "PIN_ENTRY:PIN_REQUESTED", "VERIFYING:PIN_SUBMITTED",
                "OPEN:PIN_OK", "LOCKED:CARD_REMOVED", "OPEN:REAUTH_SAME_CLINICIAN"), parts.path(martin.id),
                "the card back in the open session asks nothing");
        assertFalse(cards.hasSessionCard(martin.id), "a card inserted again without its PIN may not sign");
        assertTrue(cards.claimSessionCard(martin.id).isEmpty());
        cards.removed();
        assertEquals(SessionState.LOCKED, parts.machine.state(), "but pulling it out locks");
    }

    @Test
    void aSignatureNoLongerSpeaksForTheSessionOnceItLocked() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        CardClaim signing = cards.claimSessionCard(martin.id).orElseThrow();
        assertTrue(cards.stillSessionCard(signing, martin.id));

        parts.advance(Duration.ofSeconds(300));

        assertEquals(SessionState.LOCKED, parts.machine.state());
        assertFalse(cards.stillSessionCard(signing, martin.id));
    }

    @Test
    void aTapProofThatComesBackAfterTheSessionMovedOnIsDropped() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        cards.removed();
        CardClaim tap = cards.claimTap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234"))).orElseThrow();
        parts.machine.logout();

        cards.tapProved(tap, Rig.holder(Rig.MARTIN), Verification.ok());

        assertEquals(SessionState.IDLE, parts.machine.state());
        assertEquals("CLOSED:LOGOUT", parts.last().to() + ":" + parts.last().reason());
        assertEquals("s1", parts.last().sessionId());
        assertTrue(parts.path(martin.id).stream().noneMatch(p -> p.startsWith("OPEN:REAUTH")));
    }

    @Test
    void aTapByAnotherClinicianOutsideTheirWindowOnlyBeepsOverAnOpenSession() {
        parts.signIn(Rig.MARTIN);
        int events = parts.events.size();

        assertTrue(cards.claimTap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234"))).isEmpty());

        assertEquals(events, parts.events.size());
        assertEquals(BeepPattern.REFUSE, parts.beeps.get(parts.beeps.size() - 1));
    }

    @Test
    void aTapByTheClinicianOfTheOpenSessionCountsAsActivity() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.advance(Duration.ofSeconds(250));

        assertTrue(cards.claimTap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234"))).isEmpty());

        parts.advance(Duration.ofSeconds(299));
        assertEquals(SessionState.OPEN, parts.machine.state());
        parts.advance(Duration.ofSeconds(1));
        assertEquals("LOCKED:IDLE_TIMEOUT", parts.path(martin.id).get(parts.path(martin.id).size() - 1));
    }
}

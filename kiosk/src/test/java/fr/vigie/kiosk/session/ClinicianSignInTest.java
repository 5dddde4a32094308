package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.gpio.BeepPattern;
import fr.vigie.hardware.gpio.LedColour;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicianSignInTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;

    @Test
    void contactCpsWithTheRightPinOpensTheSession() {
        rig.signIn(Rig.MARTIN);

        assertEquals(SessionState.OPEN, session.state());
        assertEquals(List.of("CARD_DETECTED:CARD_INSERTED", "PIN_ENTRY:PIN_REQUESTED", "VERIFYING:PIN_SUBMITTED",
                "OPEN:PIN_OK"), rig.path("s1"));
        assertEquals("IDLE", rig.events.get(0).from());
        assertEquals("810001234565", rig.last().idNatPs());
        assertEquals(LedColour.GREEN, rig.colour());
        assertEquals(List.of(BeepPattern.ACCEPT), rig.beeps);
    }

    @Test
    void twoWrongPinsThenTheRightOneOpensTheSession() {
        ScriptedCard card = new ScriptedCard("1234");
        session.cardInserted(Rig.contact(Rig.MARTIN, card));

        assertEquals(SessionState.PIN_ENTRY, session.submitPin("0000".toCharArray()));
        assertEquals(2, session.pinTriesLeft());
        assertEquals(SessionState.PIN_ENTRY, session.submitPin("1111".toCharArray()));
        assertEquals(1, session.pinTriesLeft());
        assertEquals(SessionState.OPEN, session.submitPin("1234".toCharArray()));

        assertEquals(2, rig.events.stream().filter(e -> e.reason().equals("PIN_WRONG")).count());
        assertEquals(List.of(BeepPattern.REFUSE, BeepPattern.REFUSE, BeepPattern.ACCEPT), rig.beeps);
    }

    @Test
    void threeWrongPinsRefuseTheCardAsBlockedUntilItIsRemoved() {
        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));

        session.submitPin("0000".toCharArray());
        session.submitPin("0000".toCharArray());
        session.submitPin("0000".toCharArray());

        assertEquals(SessionState.REFUSED, session.state());
        assertEquals("PIN_BLOCKED", rig.last().reason());
        assertEquals(LedColour.RED, rig.colour());
        assertEquals(SessionState.REFUSED, session.submitPin("1234".toCharArray()), "no more PINs once refused");

        session.cardRemoved();

        assertEquals(SessionState.IDLE, session.state());
        assertEquals("CLOSED:CARD_REMOVED", rig.path("s1").get(rig.path("s1").size() - 1));
        assertEquals(LedColour.BLUE, rig.colour());
    }

    @Test
    void thePinArrayIsWipedWhateverTheOutcome() {
        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));
        char[] wrong = "0000".toCharArray();
        char[] right = "1234".toCharArray();
        char[] late = "1234".toCharArray();

        session.submitPin(wrong);
        session.submitPin(right);
        session.submitPin(late);

        assertArrayEquals(new char[4], wrong);
        assertArrayEquals(new char[4], right);
        assertArrayEquals(new char[4], late);
    }

    @Test
    void noPinWithinTheConfiguredTimeRefusesTheSignIn() {
        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));

        rig.advance(Duration.ofSeconds(29));
        assertEquals(SessionState.PIN_ENTRY, session.state());
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.REFUSED, session.state());
        assertEquals("PIN_ENTRY_TIMEOUT", rig.last().reason());
    }

    @Test
    void removingTheCardDuringVerificationDropsTheLateResult() {
        ScriptedCard card = new ScriptedCard("1234");
        card.duringVerification = session::cardRemoved;
        session.cardInserted(Rig.contact(Rig.MARTIN, card));

        session.submitPin("1234".toCharArray());

        assertEquals(SessionState.IDLE, session.state());
        assertEquals("VERIFYING", rig.last().from());
        assertEquals("CLOSED:CARD_REMOVED", rig.last().to() + ":" + rig.last().reason());
    }

    @Test
    void aCardErrorOrARejectedCertificateRefusesTheSession() {
        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")
                .failingProof(Verification.of(Verification.Outcome.CERTIFICATE_REJECTED, "outside validity"))));
        session.submitPin("1234".toCharArray());
        assertEquals("REFUSED:CERTIFICATE_REJECTED", rig.last().to() + ":" + rig.last().reason());

        session.cardRemoved();
        session.cardInserted(Rig.contact(Rig.MARTIN, new CardAuthenticator() {
            @Override
            public Verification verifyPin(char[] pin) {
                throw new IllegalStateException("reader exploded");
            }

            @Override
            public Verification proveHolder() {
                throw new IllegalStateException("reader exploded");
            }

            @Override
            public CardSignature answerChallenge(byte[] challenge) {
                throw new IllegalStateException("reader exploded");
            }
        }));
        session.submitPin("1234".toCharArray());

        assertEquals("REFUSED:CARD_ERROR", rig.last().to() + ":" + rig.last().reason());
        assertTrue(rig.last().sessionId().equals("s2"));
    }

    @Test
    void logoutClosesTheOpenSession() {
        rig.signIn(Rig.MARTIN);

        session.logout();

        assertEquals(SessionState.IDLE, session.state());
        assertEquals("OPEN", rig.last().from());
        assertEquals("CLOSED:LOGOUT", rig.last().to() + ":" + rig.last().reason());
        assertEquals(0, rig.timers.pending(), "no timer left behind");
    }
}

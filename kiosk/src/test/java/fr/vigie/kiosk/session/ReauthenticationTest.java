package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hardware.gpio.BeepPattern;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReauthenticationTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;

    @Test
    void aTapBySameClinicianInsideTheWindowUnlocksTheSameSession() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();
        rig.advance(Duration.ofSeconds(120));

        session.tap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234")));

        assertEquals(SessionState.OPEN, session.state());
        assertEquals("s1", session.sessionId().orElseThrow());
        assertEquals("LOCKED", rig.last().from());
        assertEquals("OPEN:REAUTH_SAME_CLINICIAN", rig.last().to() + ":" + rig.last().reason());
    }

    @Test
    void aTapByAnotherClinicianInsideTheirWindowOpensTheirSessionAndKeepsThePreviousOneLocked() {
        rig.signIn(Rig.DUBOIS);
        session.logout();
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();

        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));

        assertEquals(SessionState.OPEN, session.state());
        assertEquals("810009876540", session.clinician().orElseThrow().idNatPs());
        assertEquals("LOCKED:CARD_REMOVED", rig.path("s2").get(rig.path("s2").size() - 1));
        assertEquals(List.of("OPEN:REAUTH_SWITCH"), rig.path("s3"));
    }

    @Test
    void aTapOutsideTheWindowAsksForCardAndPin() {
        rig.signIn(Rig.MARTIN);
        session.activity();
        rig.advance(Duration.ofSeconds(299));
        session.cardRemoved();
        rig.advance(Duration.ofSeconds(302));

        session.tap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234")));

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("LOCKED:REAUTH_WINDOW_EXPIRED", rig.last().to() + ":" + rig.last().reason());
        assertEquals(BeepPattern.REFUSE, rig.beeps.get(rig.beeps.size() - 1));

        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));
        session.submitPin("1234".toCharArray());

        assertEquals(SessionState.OPEN, session.state());
        assertEquals("s1", session.sessionId().orElseThrow(), "the same clinician resumes their session");
    }

    @Test
    void aTapByAClinicianWhoNeverSignedInHereChangesNothing() {
        rig.signIn(Rig.MARTIN);
        int before = rig.events.size();

        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));

        assertEquals(SessionState.OPEN, session.state());
        assertEquals(before, rig.events.size());
        assertEquals(BeepPattern.REFUSE, rig.beeps.get(rig.beeps.size() - 1));
    }

    @Test
    void aTapWhoseCardFailsItsProofKeepsTheSessionLocked() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();

        session.tap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234")
                .failingProof(Verification.of(Verification.Outcome.CARD_ERROR, "CARD_SIGNATURE_INVALID"))));

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("CARD_REMOVED", rig.last().reason());
    }

    @Test
    void anotherClinicianSigningInWithCardAndPinLeavesTheLockedSessionLockedUntilItsGraceEnds() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();

        rig.signIn(Rig.DUBOIS);

        assertEquals(SessionState.OPEN, session.state());
        assertEquals("s2", session.sessionId().orElseThrow());
        assertEquals("LOCKED:CARD_REMOVED", rig.path("s1").get(rig.path("s1").size() - 1));
        rig.advance(Duration.ofSeconds(899));
        assertEquals("LOCKED:CARD_REMOVED", rig.path("s1").get(rig.path("s1").size() - 1));
        rig.advance(Duration.ofSeconds(1));
        assertEquals("CLOSED:GRACE_EXPIRED", rig.path("s1").get(rig.path("s1").size() - 1));
        assertEquals("s2", session.sessionId().orElseThrow(), "the session in front is not touched");
    }

    @Test
    void aFailedSignInByAnotherClinicianLeavesTheLockedSessionLocked() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();
        session.cardInserted(Rig.contact(Rig.DUBOIS, new ScriptedCard("1234")));

        session.cardRemoved();

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("s1", session.sessionId().orElseThrow());
        rig.advance(Duration.ofSeconds(900));
        assertEquals("CLOSED:GRACE_EXPIRED", rig.last().to() + ":" + rig.last().reason());
        assertEquals("s1", rig.last().sessionId());
    }
}

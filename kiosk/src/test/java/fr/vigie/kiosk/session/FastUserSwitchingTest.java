package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.vigie.hardware.gpio.BeepPattern;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fast user switching on a shared workstation: a second clinician signs in over a colleague's locked session,
 * which stays locked behind (its grace period running) and is never shown to them.
 */
class FastUserSwitchingTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;

    private String last(String sessionId) {
        List<String> path = rig.path(sessionId);
        return path.get(path.size() - 1);
    }

    /** Dubois signed in here with card and PIN (his window opens) and left; then Martin signed in and locked. */
    private void duboisInWindowThenMartinLocked() {
        rig.signIn(Rig.DUBOIS);
        session.logout();
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();
        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("s2", session.sessionId().orElseThrow());
    }

    @Test
    void aSecondClinicianWithinTheirWindowTapsAndTheirOwnSessionOpensWhileTheFirstStaysLocked() {
        duboisInWindowThenMartinLocked();
        rig.advance(Duration.ofSeconds(30));

        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));

        SessionView now = session.view();
        assertEquals(SessionState.OPEN, now.state());
        assertEquals("s3", now.sessionId());
        assertEquals(Rig.DUBOIS.idNatPs(), now.idNatPs());
        assertEquals(SessionAuthentication.CONTACTLESS_TAP, now.authentication());
        assertEquals("Paul", now.clinician().givenName(), "only Dubois is shown");
        assertEquals(List.of("OPEN:REAUTH_SWITCH"), rig.path("s3"));
        assertEquals("LOCKED:CARD_REMOVED", last("s2"), "Martin's session: still locked, nothing else happened");
    }

    @Test
    void aSecondClinicianOutsideTheirWindowIsAskedByNameToInsertTheirCardThenTheirSessionOpens() {
        duboisInWindowThenMartinLocked();
        rig.advance(Rig.TIMEOUTS.reauthWindow().plusSeconds(1));
        int events = rig.events.size();

        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));

        SessionView now = session.view();
        assertEquals(SessionState.LOCKED, now.state());
        assertEquals("s2", now.sessionId(), "Martin's session in front, locked, unchanged");
        assertEquals(Rig.DUBOIS.idNatPs(), now.cardNeeded().idNatPs());
        assertEquals(SessionReason.CARD_REMOVED, now.reason(), "Martin's lock is not said to be his window's end");
        assertEquals(events, rig.events.size(), "no event on Martin's session for Dubois's tap");
        assertEquals(BeepPattern.REFUSE, rig.beeps.get(rig.beeps.size() - 1));

        rig.signIn(Rig.DUBOIS);

        now = session.view();
        assertEquals(SessionState.OPEN, now.state());
        assertEquals(Rig.DUBOIS.idNatPs(), now.idNatPs());
        assertEquals(SessionAuthentication.CARD_PIN, now.authentication());
        assertNull(now.cardNeeded());
        assertEquals("LOCKED:CARD_REMOVED", last("s2"));
    }

    @Test
    void theAskToInsertTheCardGoesAfterThePinEntryTime() {
        duboisInWindowThenMartinLocked();
        rig.advance(Rig.TIMEOUTS.reauthWindow().plusSeconds(1));
        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));

        rig.advance(Rig.TIMEOUTS.pinEntry());

        assertNull(session.view().cardNeeded());
        assertEquals(SessionState.LOCKED, session.state());
    }

    @Test
    void theFirstClinicianComingBackUnlocksTheirOwnSessionAndTheSecondOneLocksBehind() {
        duboisInWindowThenMartinLocked();
        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));
        assertEquals("s3", session.sessionId().orElseThrow());

        session.tap(Rig.contactless(Rig.MARTIN, new ScriptedCard("1234")));

        SessionView now = session.view();
        assertEquals(SessionState.OPEN, now.state());
        assertEquals("s2", now.sessionId(), "her own session, not a new one");
        assertEquals("OPEN:REAUTH_SAME_CLINICIAN", last("s2"));
        assertEquals("LOCKED:REAUTH_SWITCH", last("s3"), "Dubois's session locks behind hers");

        session.logout();
        assertEquals("s3", session.sessionId().orElseThrow(), "Dubois's locked session comes back in front");
        assertEquals(SessionState.LOCKED, session.state());
        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));
        assertEquals("OPEN:REAUTH_SAME_CLINICIAN", last("s3"));
    }

    @Test
    void theFirstClinicianComingBackWithCardAndPinGetsTheirOwnSessionBack() {
        duboisInWindowThenMartinLocked();
        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));
        session.cardRemoved();
        rig.advance(Rig.TIMEOUTS.idleLock());
        assertEquals("LOCKED:IDLE_TIMEOUT", last("s3"));

        rig.signIn(Rig.MARTIN);

        assertEquals("s2", session.sessionId().orElseThrow());
        assertEquals(SessionState.OPEN, session.state());
        assertEquals("OPEN:PIN_OK", last("s2"));
        assertEquals("LOCKED:IDLE_TIMEOUT", last("s3"));
    }

    @Test
    void theFirstClinicianLockGraceExpiresWhileTheSecondWorks() {
        duboisInWindowThenMartinLocked();
        rig.advance(Duration.ofSeconds(200));
        session.tap(Rig.contactless(Rig.DUBOIS, new ScriptedCard("1234")));
        session.activity();
        rig.advance(Duration.ofSeconds(299));
        session.activity();
        rig.advance(Duration.ofSeconds(299));
        session.activity();
        rig.advance(Duration.ofSeconds(101));
        assertEquals("LOCKED:CARD_REMOVED", last("s2"), "899 s after her lock");

        rig.advance(Duration.ofSeconds(1));

        assertEquals("CLOSED:GRACE_EXPIRED", last("s2"));
        assertEquals(SessionState.OPEN, session.state(), "Dubois works on");
        assertEquals("s3", session.sessionId().orElseThrow());
        session.logout();
        assertEquals(SessionState.IDLE, session.state(), "nothing left behind");
        assertEquals(0, rig.timers.pending(), "no timer left");
    }

    @Test
    void aFailedSignInOfTheSecondClinicianBringsTheFirstLockedSessionBack() {
        duboisInWindowThenMartinLocked();
        rig.advance(Rig.TIMEOUTS.reauthWindow().plusSeconds(1));
        session.cardInserted(Rig.contact(Rig.DUBOIS, new ScriptedCard("1234")));
        assertEquals(SessionState.PIN_ENTRY, session.state());

        session.cardRemoved();

        assertEquals("s2", session.sessionId().orElseThrow());
        assertEquals(SessionState.LOCKED, session.state());
    }
}

package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.PresenceChange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lock state machine on its own: sessions in front and parked, transitions, timers. */
class SessionStateMachineTest {
    private static final String NURSE = "810099900028";

    private final Parts parts = new Parts(false);
    private final SessionStateMachine machine = parts.machine;

    private String last(SessionRecord a) {
        List<String> path = parts.path(a.id);
        return path.get(path.size() - 1);
    }

    @Test
    void aLockedSessionParkedBehindAnotherSignInKeepsItsGraceAndComesBackWhenThatSignInEnds() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();
        parts.advance(Duration.ofSeconds(820));

        SessionRecord dubois = parts.insert(Rig.DUBOIS);
        assertNotSame(martin, dubois);
        assertSame(martin, machine.find(martin.id), "parked, not ended");
        parts.advance(Duration.ofSeconds(20));
        parts.cards.removed();

        assertSame(martin, machine.foreground());
        assertEquals(SessionState.LOCKED, machine.state());
        parts.advance(Duration.ofSeconds(59));
        assertEquals(SessionState.LOCKED, machine.state(), "899 s after the lock");
        parts.advance(Duration.ofSeconds(1));
        assertEquals(SessionState.IDLE, machine.state());
        assertEquals("CLOSED:GRACE_EXPIRED", last(martin));
        assertEquals(0, parts.timers.pending());
    }

    @Test
    void aParkedSessionWhoseGraceEndsClosesBehindTheSignInUnderWay() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();
        parts.advance(Duration.ofSeconds(890));
        parts.insert(Rig.DUBOIS);

        parts.advance(Duration.ofSeconds(10));

        assertEquals("CLOSED:GRACE_EXPIRED", last(martin));
        assertNull(machine.find(martin.id));
        assertEquals(SessionState.PIN_ENTRY, machine.state(), "the sign-in in front goes on");
        assertEquals(LedColour.WHITE, parts.colour(), "the LED still shows the sign-in");
        CardClaim pin = parts.cards.claimPin().orElseThrow();
        assertTrue(parts.cards.pinVerified(pin, Verification.ok()));
        assertEquals(1, parts.events.stream().filter(e -> e.to().equals("CLOSED")).count(), "closed once");
    }

    @Test
    void nobodyInFrontLocksCountingFromWhenTheSensorFirstSawNobody() {
        machine.presence(new PresenceChange(false, parts.timers.instant()));
        parts.advance(Duration.ofSeconds(15));
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        machine.presence(new PresenceChange(false, parts.timers.instant()));

        parts.advance(Duration.ofSeconds(4));
        assertEquals(SessionState.OPEN, machine.state());
        parts.advance(Duration.ofSeconds(1));

        assertEquals("LOCKED:WALKED_AWAY", last(martin));
    }

    @Test
    void someoneBackInFrontStopsThePresenceLockButNotTheIdleLock() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        machine.presence(new PresenceChange(false, parts.timers.instant()));
        parts.advance(Duration.ofSeconds(10));
        machine.presence(new PresenceChange(true, parts.timers.instant()));

        parts.advance(Duration.ofSeconds(289));
        assertEquals(SessionState.OPEN, machine.state());
        parts.advance(Duration.ofSeconds(1));

        assertEquals("LOCKED:IDLE_TIMEOUT", last(martin));
    }

    @Test
    void anEarlyIdleTickChecksAgainWhenTheTimeoutWouldBeDueWithoutStackingTimers() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        assertEquals(1, parts.timers.pending(), "the idle timer");
        parts.advance(Duration.ofSeconds(100));

        machine.idleTick();
        machine.idleTick();

        assertEquals(1, parts.timers.pending(), "still one idle timer");
        parts.advance(Duration.ofSeconds(199));
        assertEquals(SessionState.OPEN, machine.state());
        parts.advance(Duration.ofSeconds(1));
        assertEquals("LOCKED:IDLE_TIMEOUT", last(martin));
    }

    @Test
    void aClaimHoldsUntilTheNextTransitionWhichNotesDoNotCount() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        CardClaim claim = machine.claim(new ScriptedCard("1234"));

        machine.note(martin, SessionReason.PSC_OFFLINE);
        machine.activity();
        assertTrue(machine.holds(claim));

        machine.transition(martin, SessionState.LOCKED, SessionReason.IDLE_TIMEOUT);
        machine.transition(martin, SessionState.OPEN, SessionReason.REAUTH_SAME_CLINICIAN);
        assertFalse(machine.holds(claim), "back in the same state is still a move");
    }

    @Test
    void aCardlessSignInParksALockedSessionAndItsDismissalBringsItBack() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        assertTrue(machine.cardlessSignIn(NURSE, PscView.NONE).isEmpty(), "not over an open session");
        parts.cards.removed();

        SessionRecord phone = machine.cardlessSignIn(NURSE, PscView.NONE).orElseThrow();

        assertEquals(List.of("VERIFYING:ECPS_REQUESTED"), parts.path(phone.id));
        SessionView shown = machine.view(-1);
        assertNull(shown.clinician(), "no card");
        assertEquals(NURSE, shown.idNatPs());
        machine.dismiss();
        assertEquals("CLOSED:DISMISSED", last(phone));
        assertSame(martin, machine.foreground());
        assertEquals(SessionState.LOCKED, machine.state());
    }

    @Test
    void refusingTheSessionInFrontWaitsForADismissalButRefusingAParkedOneClosesIt() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();
        SessionRecord dubois = parts.insert(Rig.DUBOIS);

        machine.refuse(martin, SessionReason.PSC_SUBJECT_MISMATCH);
        assertEquals("CLOSED:PSC_SUBJECT_MISMATCH", last(martin));
        assertEquals(SessionState.PIN_ENTRY, machine.state());

        machine.refuse(dubois, SessionReason.PSC_SUBJECT_MISMATCH);
        assertEquals(SessionState.REFUSED, machine.state());
        assertEquals(LedColour.RED, parts.colour());
        machine.dismiss();
        assertEquals(SessionState.IDLE, machine.state(), "nothing parked comes back");
        assertEquals(0, parts.timers.pending());
    }

    @Test
    void aSwitchParksTheLockedSessionInFrontAndTheTimersFollowTheNewOne() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();

        machine.switchTo(martin, Rig.holder(Rig.DUBOIS));

        assertEquals("LOCKED:CARD_REMOVED", last(martin), "still locked, parked behind");
        assertSame(martin, machine.find(martin.id));
        SessionRecord dubois = machine.foreground();
        assertEquals(List.of("OPEN:REAUTH_SWITCH"), parts.path(dubois.id));
        assertEquals(SessionAuthentication.CONTACTLESS_TAP, machine.view(-1).authentication());
        assertNull(dubois.pinCard, "opened without a PIN: no card may sign for it");
        assertEquals(LedColour.GREEN, parts.colour());
        parts.advance(Duration.ofSeconds(300));
        assertEquals("LOCKED:IDLE_TIMEOUT", last(dubois));
        parts.advance(Duration.ofSeconds(600));
        assertEquals("CLOSED:GRACE_EXPIRED", last(martin), "the parked session's own grace, from its lock");
        assertSame(dubois, machine.foreground());
        parts.advance(Duration.ofSeconds(300));
        assertEquals("CLOSED:GRACE_EXPIRED", last(dubois));
        assertEquals(SessionState.IDLE, machine.state());
        assertEquals(0, parts.timers.pending());
    }

    @Test
    void signingOutOfALockedSessionClosesItAndLeavesNoTimer() {
        SessionRecord martin = parts.signIn(Rig.MARTIN);
        parts.cards.removed();

        machine.logout();

        assertEquals("CLOSED:LOGOUT", last(martin));
        assertEquals(SessionState.IDLE, machine.state());
        assertEquals(LedColour.BLUE, parts.colour());
        assertEquals(0, parts.timers.pending());
    }
}

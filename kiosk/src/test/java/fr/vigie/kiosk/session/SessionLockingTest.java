package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hardware.gpio.BeepPattern;
import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.PresenceChange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionLockingTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;

    @Test
    void removingTheCardLocksTheOpenSessionInTheSameCall() {
        rig.signIn(Rig.MARTIN);

        session.cardRemoved();

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("OPEN", rig.last().from());
        assertEquals("LOCKED:CARD_REMOVED", rig.last().to() + ":" + rig.last().reason());
        assertEquals(LedColour.AMBER, rig.colour());
        assertEquals(BeepPattern.LOCK, rig.beeps.get(rig.beeps.size() - 1));
    }

    @Test
    void nobodyInFrontForTheConfiguredTimeLocksAsWalkedAway() {
        rig.signIn(Rig.MARTIN);

        session.presence(new PresenceChange(false, rig.timers.instant()));
        rig.advance(Duration.ofSeconds(19));
        assertEquals(SessionState.OPEN, session.state());
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("WALKED_AWAY", rig.last().reason());
    }

    @Test
    void comingBackBeforeThePresenceDelayKeepsTheSessionOpen() {
        rig.signIn(Rig.MARTIN);

        session.presence(new PresenceChange(false, rig.timers.instant()));
        rig.advance(Duration.ofSeconds(15));
        session.presence(new PresenceChange(true, rig.timers.instant()));
        rig.advance(Duration.ofSeconds(60));

        assertEquals(SessionState.OPEN, session.state());
    }

    @Test
    void noActivityForTheIdleTimeoutLocks() {
        rig.signIn(Rig.MARTIN);
        rig.advance(Duration.ofSeconds(200));
        session.activity();

        rig.advance(Duration.ofSeconds(299));
        assertEquals(SessionState.OPEN, session.state(), "activity restarted the idle timeout");
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("IDLE_TIMEOUT", rig.last().reason());
    }

    @Test
    void aLockedSessionClosesWhenItsGracePeriodExpires() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();

        rig.advance(Duration.ofSeconds(899));
        assertEquals(SessionState.LOCKED, session.state());
        rig.advance(Duration.ofSeconds(1));

        assertEquals(SessionState.IDLE, session.state());
        assertEquals(List.of("CARD_DETECTED:CARD_INSERTED", "PIN_ENTRY:PIN_REQUESTED", "VERIFYING:PIN_SUBMITTED",
                "OPEN:PIN_OK", "LOCKED:CARD_REMOVED", "CLOSED:GRACE_EXPIRED"), rig.path("s1"));
        assertEquals(LedColour.BLUE, rig.colour());
        assertEquals(0, rig.timers.pending());
    }

    @Test
    void theLedFollowsEveryState() {
        rig.signIn(Rig.MARTIN);
        session.cardRemoved();
        rig.advance(Duration.ofSeconds(900));

        assertEquals(List.of(LedColour.BLUE, LedColour.WHITE, LedColour.WHITE, LedColour.WHITE, LedColour.GREEN,
                LedColour.AMBER, LedColour.BLUE), rig.colours);
    }
}

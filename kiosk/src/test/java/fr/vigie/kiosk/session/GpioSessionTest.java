package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.gpio.GpioPins;
import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.Pi4jBoard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session on a Pi4J mock board: the sensor's real events lock it, the LED and buzzer follow. */
class GpioSessionTest {
    private final ManualTimers timers = new ManualTimers(Rig.T0);
    private final List<Runnable> buzzerSteps = new ArrayList<>();
    private final Pi4jBoard board = Pi4jBoard.onMockPlatform(GpioPins.defaults(), timers, (d, step) -> buzzerSteps.add(step));
    private final List<String> reasons = new ArrayList<>();
    private final ClinicianSession session = ClinicianSession.builder(Rig.TIMEOUTS, t -> reasons.add(t.reason()))
            .clock(timers).timers(timers).signals(board.statusLed(), board.buzzer()).build();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void walkingAwayFromTheSensorLocksAndTheLedAndBuzzerFollow() {
        board.presenceSensor().addListener(session::presence);
        board.simulatePresence(true);
        assertEquals(LedColour.BLUE, board.statusLed().colour());

        session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));
        assertEquals(LedColour.WHITE, board.statusLed().colour());
        session.submitPin("1234".toCharArray());
        assertEquals(LedColour.GREEN, board.statusLed().colour());
        assertTrue(board.buzzer().sounding(), "accept beep");
        buzzerSteps.forEach(Runnable::run);
        assertFalse(board.buzzer().sounding());

        board.simulatePresence(false);
        timers.advance(Duration.ofSeconds(20));

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("WALKED_AWAY", reasons.get(reasons.size() - 1));
        assertEquals(LedColour.AMBER, board.statusLed().colour());
        assertTrue(board.buzzer().sounding(), "lock beep");
    }
}

package fr.vigie.hardware.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jBoardTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<Duration> delaysAsked = new ArrayList<>();
    private final Pi4jBoard board = Pi4jBoard.onMockPlatform(GpioPins.defaults(), Clock.fixed(T0, ZoneOffset.UTC),
            (delay, task) -> {
                delaysAsked.add(delay);
                pending.add(task);
            });

    @AfterEach
    void close() {
        board.close();
    }

    private boolean high(String id) {
        DigitalOutput out = board.context().io(id);
        return out.state() == DigitalState.HIGH;
    }

    @Test
    void ledColoursDriveTheRgbOutputs() {
        board.statusLed().show(LedColour.AMBER);

        assertTrue(high("led-red"));
        assertTrue(high("led-green"));
        assertFalse(high("led-blue"));
        assertEquals(LedColour.AMBER, board.statusLed().colour());

        board.statusLed().show(LedColour.OFF);

        assertFalse(high("led-red") || high("led-green") || high("led-blue"));
    }

    @Test
    void refuseBeepPlaysTwoTonesStepByStepAndEndsSilent() {
        board.buzzer().beep(BeepPattern.REFUSE);

        assertTrue(board.buzzer().sounding());
        pending.poll().run();
        assertFalse(board.buzzer().sounding());
        pending.poll().run();
        assertTrue(board.buzzer().sounding());
        pending.poll().run();
        assertFalse(board.buzzer().sounding());
        assertTrue(pending.isEmpty());
        assertEquals(BeepPattern.REFUSE.steps(), delaysAsked);
    }

    @Test
    void aNewBeepCutsThePatternPlaying() {
        board.buzzer().beep(BeepPattern.REFUSE);
        board.buzzer().beep(BeepPattern.ACCEPT);

        pending.poll().run(); // first step of the cut pattern: ignored
        assertTrue(board.buzzer().sounding());
        pending.poll().run();
        assertFalse(board.buzzer().sounding());
        assertTrue(pending.isEmpty());
    }

    @Test
    void mockedSensorLevelsAreReportedAsPresenceChangesWithTheClockTime() {
        List<PresenceChange> seen = new ArrayList<>();
        board.presenceSensor().addListener(seen::add);
        MockDigitalInput input = board.context().io("presence");

        input.mockState(DigitalState.HIGH);
        assertTrue(board.presenceSensor().present());
        input.mockState(DigitalState.LOW);

        assertEquals(List.of(new PresenceChange(true, T0), new PresenceChange(false, T0)), seen);
        assertFalse(board.presenceSensor().present());
    }

    @Test
    void simulatedPresenceFollowsTheConfiguredActiveLevel() {
        List<PresenceChange> seen = new ArrayList<>();
        try (Pi4jBoard activeLow = Pi4jBoard.onMockPlatform(new GpioPins(17, 27, 22, 18, 23, false),
                Clock.fixed(T0, ZoneOffset.UTC), (d, t) -> { })) {
            activeLow.presenceSensor().addListener(seen::add);

            activeLow.simulatePresence(true);

            assertEquals(DigitalState.LOW, ((MockDigitalInput) activeLow.context().io("presence")).state());
            assertTrue(activeLow.presenceSensor().present());
            assertEquals(List.of(new PresenceChange(true, T0)), seen);
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<PresenceChange> seen = new ArrayList<>();
        board.presenceSensor().addListener(c -> {
            throw new IllegalStateException("boom");
        });
        board.presenceSensor().addListener(seen::add);

        ((MockDigitalInput) board.context().io("presence")).mockState(DigitalState.HIGH);

        assertEquals(1, seen.size());
    }

    @Test
    void pinsAreCheckedOnConstruction() {
        GpioPins.SharedPin shared = assertThrows(GpioPins.SharedPin.class,
                () -> new GpioPins(17, 22, 22, 18, 23, true));
        assertEquals(GpioPins.Role.LED_GREEN, shared.first());
        assertEquals(GpioPins.Role.LED_BLUE, shared.second());
        assertEquals(22, shared.pin());
        assertEquals("LED_GREEN and LED_BLUE share BCM pin 22", shared.getMessage());
        assertThrows(GpioPins.SharedPin.class, () -> new GpioPins(17, 27, 22, 18, 17, true));
        assertThrows(IllegalArgumentException.class, () -> new GpioPins(17, 27, 22, 18, 28, true));
        assertThrows(IllegalArgumentException.class, () -> new GpioPins(-1, 27, 22, 18, 23, true));
        new GpioPins(0, 27, 22, 18, 23, true); // both ends of the range are pins
        assertEquals(18, GpioPins.defaults().pin(GpioPins.Role.BUZZER));
    }
}

package fr.vigie.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.util.List;

/**
 * A buzzer on one digital output. Each pattern step is scheduled through {@link Delays}; a
 * generation counter makes the steps of a cut pattern do nothing.
 */
final class Pi4jBuzzer implements Buzzer {
    private final DigitalOutput output;
    private final Delays delays;
    private long generation;

    Pi4jBuzzer(DigitalOutput output, Delays delays) {
        this.output = output;
        this.delays = delays;
    }

    @Override
    public synchronized void beep(BeepPattern pattern) {
        long mine = ++generation;
        step(mine, pattern.steps(), 0);
    }

    private synchronized void step(long mine, List<Duration> steps, int index) {
        if (mine != generation) {
            return;
        }
        if (index >= steps.size()) {
            output.low();
            return;
        }
        if (index % 2 == 0) {
            output.high();
        } else {
            output.low();
        }
        delays.after(steps.get(index), () -> step(mine, steps, index + 1));
    }

    @Override
    public synchronized boolean sounding() {
        return output.isHigh();
    }
}

package fr.vigie.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** An RGB LED on three digital outputs (common cathode: high lights a channel). */
final class Pi4jStatusLed implements StatusLed {
    private final DigitalOutput red;
    private final DigitalOutput green;
    private final DigitalOutput blue;
    private LedColour colour = LedColour.OFF;

    Pi4jStatusLed(DigitalOutput red, DigitalOutput green, DigitalOutput blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    @Override
    public synchronized void show(LedColour next) {
        red.state(DigitalState.getState(next.red()));
        green.state(DigitalState.getState(next.green()));
        blue.state(DigitalState.getState(next.blue()));
        colour = next;
    }

    @Override
    public synchronized LedColour colour() {
        return colour;
    }
}

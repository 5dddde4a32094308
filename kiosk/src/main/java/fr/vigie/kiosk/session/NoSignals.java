package fr.vigie.kiosk.session;

import fr.vigie.hardware.gpio.BeepPattern;
import fr.vigie.hardware.gpio.Buzzer;
import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.StatusLed;

/** LED and buzzer of a kiosk without GPIO (desktop demo): remembers the colour, makes no sound. */
final class NoSignals implements StatusLed, Buzzer {
    private volatile LedColour colour = LedColour.OFF;

    @Override
    public void show(LedColour value) {
        colour = value;
    }

    @Override
    public LedColour colour() {
        return colour;
    }

    @Override
    public void beep(BeepPattern pattern) {
    }

    @Override
    public boolean sounding() {
        return false;
    }
}

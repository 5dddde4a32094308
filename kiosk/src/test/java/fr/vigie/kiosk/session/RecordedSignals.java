package fr.vigie.kiosk.session;

import fr.vigie.hardware.gpio.BeepPattern;
import fr.vigie.hardware.gpio.Buzzer;
import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.StatusLed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A status LED and a buzzer that record what the session showed and sounded, for the session's test fixtures. */
abstract class RecordedSignals implements StatusLed, Buzzer {
    final List<LedColour> colours = new CopyOnWriteArrayList<>();
    final List<BeepPattern> beeps = new CopyOnWriteArrayList<>();

    @Override
    public void show(LedColour colour) {
        colours.add(colour);
    }

    @Override
    public LedColour colour() {
        return colours.isEmpty() ? LedColour.OFF : colours.get(colours.size() - 1);
    }

    @Override
    public void beep(BeepPattern pattern) {
        beeps.add(pattern);
    }

    @Override
    public boolean sounding() {
        return false;
    }
}

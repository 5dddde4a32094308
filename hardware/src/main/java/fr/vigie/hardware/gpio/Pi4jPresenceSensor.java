package fr.vigie.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A presence sensor on one digital input; changes are stamped with the injected clock. */
final class Pi4jPresenceSensor implements PresenceSensor {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jPresenceSensor.class);

    private final DigitalInput input;
    private final boolean activeHigh;
    private final Clock clock;
    private final List<Consumer<PresenceChange>> listeners = new CopyOnWriteArrayList<>();

    Pi4jPresenceSensor(DigitalInput input, boolean activeHigh, Clock clock) {
        this.input = input;
        this.activeHigh = activeHigh;
        this.clock = clock;
        input.addListener(this::changed);
    }

    private void changed(DigitalStateChangeEvent<?> event) {
        if (event.state() == DigitalState.UNKNOWN) {
            return;
        }
        PresenceChange change = new PresenceChange(isPresent(event.state()), clock.instant());
        for (Consumer<PresenceChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("presence listener failed on {}", change, e);
            }
        }
    }

    private boolean isPresent(DigitalState state) {
        return (state == DigitalState.HIGH) == activeHigh;
    }

    @Override
    public void addListener(Consumer<PresenceChange> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean present() {
        return isPresent(input.state());
    }
}

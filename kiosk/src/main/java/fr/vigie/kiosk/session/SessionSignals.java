package fr.vigie.kiosk.session;

import fr.vigie.hardware.gpio.BeepPattern;
import fr.vigie.hardware.gpio.Buzzer;
import fr.vigie.hardware.gpio.LedColour;
import fr.vigie.hardware.gpio.StatusLed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the status LED and the buzzer follow the session: one colour per state, a beep per event. */
final class SessionSignals {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSignals.class);

    private final StatusLed led;
    private final Buzzer buzzer;

    SessionSignals(StatusLed led, Buzzer buzzer) {
        this.led = led;
        this.buzzer = buzzer;
    }

    static LedColour colour(SessionState state) {
        return switch (state) {
            case IDLE, CLOSED -> LedColour.BLUE;
            case CARD_DETECTED, PIN_ENTRY, VERIFYING, AWAITING_PHONE -> LedColour.WHITE;
            case OPEN -> LedColour.GREEN;
            case LOCKED -> LedColour.AMBER;
            case REFUSED -> LedColour.RED;
        };
    }

    static BeepPattern beep(SessionState to, SessionReason reason) {
        if (to == SessionState.OPEN) {
            return BeepPattern.ACCEPT;
        }
        if (to == SessionState.LOCKED && reason != SessionReason.REAUTH_WINDOW_EXPIRED) {
            return BeepPattern.LOCK;
        }
        if (to == SessionState.REFUSED || reason == SessionReason.PIN_WRONG || reason == SessionReason.PIN_FORMAT
                || reason == SessionReason.REAUTH_WINDOW_EXPIRED) {
            return BeepPattern.REFUSE;
        }
        return null;
    }

    /** Shows the kiosk's state {@code shown} after a transition to {@code to} for {@code reason}. */
    void follow(SessionState shown, SessionState to, SessionReason reason) {
        try {
            led.show(colour(shown));
            BeepPattern pattern = beep(to, reason);
            if (pattern != null) {
                buzzer.beep(pattern);
            }
        } catch (RuntimeException e) {
            LOG.warn("status LED or buzzer failed after {} ({})", to, reason, e);
        }
    }

    void refuse() {
        try {
            buzzer.beep(BeepPattern.REFUSE);
        } catch (RuntimeException e) {
            LOG.warn("buzzer failed", e);
        }
    }
}

package fr.vigie.kiosk.station;

import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import fr.vigie.hardware.gpio.Pi4jBoard;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.ScreenPart;
import java.util.function.Supplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import org.slf4j.LoggerFactory;

/**
 * The card readers of a {@link SignInStation}: the machine's PC/SC readers on a production kiosk
 * ({@link #pcsc()}), or the demo's in-process virtual readers with their on-screen controls
 * ({@code fr.vigie.kiosk.demo.SandboxCards}, {@code kiosk.card.readers=sandbox}). Implementations are
 * thread-safe.
 */
public interface StationReaders {
    /** @return the readers the station's session watches */
    TerminalSource terminals();

    /**
     * Called once as the station starts, with its touch UI and GPIO board: readers that come with controls
     * of their own (the demo's insert, tap and walk-away buttons) register them here.
     *
     * @return what to draw under every sign-in screen, asked each time one is shown, or null for nothing (real
     *     readers)
     */
    default Supplier<ScreenPart> mount(KioskUi ui, Pi4jBoard board) {
        return null;
    }

    /** The machine's PC/SC readers; without the pcsc-lite library, none (the kiosk still serves its UI). */
    static StationReaders pcsc() {
        TerminalSource terminals;
        try {
            terminals = PcscTerminalSource.system();
        } catch (IllegalStateException e) {
            LoggerFactory.getLogger(StationReaders.class).error("no card reader can be used: {}", e.getMessage());
            terminals = new TerminalSource() {
                @Override
                public CardTerminals open() throws CardException {
                    throw new CardException("PC/SC library not installed");
                }

                @Override
                public String describe() {
                    return "no PC/SC library";
                }
            };
        }
        TerminalSource chosen = terminals;
        return () -> chosen;
    }
}

package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.VitaleCard;
import javax.smartcardio.CardException;

/** Where the patient's Vitale card is read: the admission desk's reader. */
@FunctionalInterface
public interface VitaleSource {
    /** Code of a card that could not be read (absent, not a Vitale card, malformed). */
    String VITALE_UNREADABLE = "VITALE_UNREADABLE";

    /** Reads the card now in the reader. */
    VitaleCard.Content read() throws AdmissionFailure;

    /** The card in reader {@code name} of {@code readers}, through PC/SC (or the virtual readers). */
    static VitaleSource reader(TerminalSource readers, String name) {
        return () -> {
            try {
                javax.smartcardio.CardTerminal terminal = readers.open().getTerminal(name);
                if (terminal == null || !terminal.isCardPresent()) {
                    throw new AdmissionFailure(VITALE_UNREADABLE, "no card in reader " + name);
                }
                return VitaleCard.open(terminal.connect("*"), null).read();
            } catch (CardException e) {
                throw new AdmissionFailure(VITALE_UNREADABLE, "the Vitale card could not be read: " + e.getMessage());
            } catch (CardOperationException e) {
                throw new AdmissionFailure(VITALE_UNREADABLE, "the Vitale card could not be read: " + e.error());
            }
        };
    }

    /**
     * The Vitale card in whichever reader holds one (an admission desk has a reader for the agent's CPS
     * and one for the patient's card): readers with a card are tried in turn, cards that are not Vitale
     * cards are skipped.
     */
    static VitaleSource anyReader(TerminalSource readers) {
        return () -> {
            try {
                for (javax.smartcardio.CardTerminal terminal : readers.open().list()) {
                    if (!terminal.isCardPresent()) {
                        continue;
                    }
                    try {
                        return VitaleCard.open(terminal.connect("*"), null).read();
                    } catch (CardOperationException | CardException e) {
                        // not a Vitale card (e.g. the agent's CPS), or gone: try the next reader
                    }
                }
            } catch (CardException e) {
                throw new AdmissionFailure(VITALE_UNREADABLE, "the card readers cannot be listed: " + e.getMessage());
            }
            throw new AdmissionFailure(VITALE_UNREADABLE, "no Vitale card in any reader");
        };
    }
}

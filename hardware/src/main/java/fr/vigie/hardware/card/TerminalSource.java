package fr.vigie.hardware.card;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;

/**
 * Where card readers come from: the machine's PC/SC service
 * ({@link fr.vigie.hardware.card.pcsc.PcscTerminalSource}) or, for the demo and tests, the in-process
 * virtual readers of the {@code hardware-sim} module. Implementations are thread-safe.
 */
public interface TerminalSource {
    /**
     * Opens the readers. Each call establishes a new context where the provider allows it, so a
     * caller recovers from a restarted PC/SC service by opening again.
     *
     * @throws CardException when the service is not reachable
     */
    CardTerminals open() throws CardException;

    /** @return a short description for diagnostics, e.g. "pcsc-lite via /lib/.../libpcsclite.so.1" */
    String describe();
}

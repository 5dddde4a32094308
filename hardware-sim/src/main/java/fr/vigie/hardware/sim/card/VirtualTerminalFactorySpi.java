package fr.vigie.hardware.sim.card;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** Gives each caller of {@code terminals()} its own view (change tracking) of the same readers. */
final class VirtualTerminalFactorySpi extends TerminalFactorySpi {
    private final VirtualReaders readers;

    VirtualTerminalFactorySpi(VirtualReaders readers) {
        this.readers = readers;
    }

    @Override
    protected CardTerminals engineTerminals() {
        return new VirtualTerminals(readers);
    }
}

package fr.vigie.hardware.sim.card;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;

/** One in-process reader as a {@link CardTerminal}. */
final class VirtualTerminal extends CardTerminal {
    private final VirtualReaders readers;
    private final String name;

    private final long epoch;

    VirtualTerminal(VirtualReaders readers, String name, long epoch) {
        this.readers = readers;
        this.name = name;
        this.epoch = epoch;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Card connect(String protocol) throws CardException {
        if (!"*".equals(protocol) && !"T=1".equals(protocol) && !"T=0".equals(protocol) && !"T=CL".equals(protocol)) {
            throw new IllegalArgumentException("unsupported protocol " + protocol);
        }
        VirtualCard card;
        long generation;
        synchronized (readers) {
            VirtualReaders.Slot slot = live();
            if (slot.card == null) {
                throw new CardNotPresentException("no card in " + name);
            }
            card = slot.card;
            generation = slot.generation;
        }
        card.reset();
        return new VirtualConnection(readers, name, card, generation);
    }

    @Override
    public boolean isCardPresent() throws CardException {
        synchronized (readers) {
            return live().card != null;
        }
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        try {
            while (true) {
                long mark = readers.changes();
                if (isCardPresent() == present) {
                    return true;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                readers.awaitChange(mark, timeout == 0 ? 0 : left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting on " + name);
        }
    }

    private VirtualReaders.Slot live() throws CardException {
        readers.checkService(epoch);
        VirtualReaders.Slot slot = readers.slotOrNull(name);
        if (slot == null || !slot.plugged) {
            throw new CardException("reader " + name + " unavailable (SCARD_E_READER_UNAVAILABLE)");
        }
        return slot;
    }

    @Override
    public String toString() {
        return "Virtual terminal " + name;
    }
}

package fr.vigie.hardware.sim.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * {@link CardTerminals} over {@link VirtualReaders}, with the change tracking of the
 * {@code javax.smartcardio} contract: {@code waitForChange} compares with what the previous call saw.
 */
final class VirtualTerminals extends CardTerminals {
    private final VirtualReaders readers;
    /** Reader name → card generation seen by the last waitForChange (absent = no card). */
    private Map<String, Long> seen;
    private final List<String> inserted = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    private final long epoch;

    VirtualTerminals(VirtualReaders readers) {
        this.readers = readers;
        this.epoch = readers.serviceEpoch();
    }

    @Override
    public synchronized List<CardTerminal> list(State state) throws CardException {
        readers.checkService(epoch);
        List<CardTerminal> out = new ArrayList<>();
        for (String name : readers.readerNames()) {
            VirtualTerminal t = new VirtualTerminal(readers, name, epoch);
            boolean include = switch (state) {
                case ALL -> true;
                case CARD_PRESENT -> t.isCardPresent();
                case CARD_ABSENT -> !t.isCardPresent();
                case CARD_INSERTION -> inserted.contains(name);
                case CARD_REMOVAL -> removed.contains(name);
            };
            if (include) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        readers.checkService(epoch);
        Map<String, Long> before = seen;
        if (before != null && !snapshot().equals(before)) {
            return record(before);
        }
        if (before == null) {
            before = snapshot();
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        try {
            while (true) {
                long mark = readers.changes();
                readers.checkService(epoch);
                if (!snapshot().equals(before)) {
                    return record(before);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    seen = before;
                    inserted.clear();
                    removed.clear();
                    return false;
                }
                readers.awaitChange(mark, timeout == 0 ? 0 : left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("interrupted while waiting for a card change");
        }
    }

    private boolean record(Map<String, Long> before) {
        Map<String, Long> now = snapshot();
        inserted.clear();
        removed.clear();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                inserted.add(e.getKey());
            }
        }
        for (Map.Entry<String, Long> e : before.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                removed.add(e.getKey());
            }
        }
        seen = now;
        return true;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> cards = new HashMap<>();
        for (String name : readers.readerNames()) {
            VirtualReaders.Slot slot = readers.slotOrNull(name);
            synchronized (readers) {
                if (slot != null && slot.card != null) {
                    cards.put(name, slot.generation);
                }
            }
        }
        return cards;
    }
}

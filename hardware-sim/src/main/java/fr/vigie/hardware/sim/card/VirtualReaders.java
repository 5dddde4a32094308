package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.TerminalSource;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * In-process card readers seen through {@code javax.smartcardio}, with a control API to plug and
 * unplug readers and to insert and remove virtual cards, as a person would at a kiosk.
 *
 * <p>{@link #terminalFactory()} returns a real {@link TerminalFactory} (type {@value
 * VirtualSmartcardProvider#TYPE}) whose terminals, cards and channels follow the
 * {@code javax.smartcardio} contracts, including {@code waitForChange}: code written for PC/SC
 * runs unchanged. A card removed while a command is in flight makes that command fail with a
 * {@code CardException} naming {@code SCARD_W_REMOVED_CARD}, like the JDK's PC/SC provider on
 * Linux. Thread-safe.
 *
 * <pre>{@code
 * VirtualReaders readers = new VirtualReaders("Virtual Reader 0");
 * readers.insert("Virtual Reader 0", cpsCard);
 * CardTerminal t = readers.terminalFactory().terminals().getTerminal("Virtual Reader 0");
 * }</pre>
 */
public final class VirtualReaders implements TerminalSource {
    /** A reader slot. Guarded by the {@link VirtualReaders} monitor. */
    static final class Slot {
        final String name;
        VirtualCard card;
        long generation;
        boolean plugged = true;

        Slot(String name) {
            this.name = name;
        }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private long changes;
    private boolean serviceUp = true;
    private long serviceEpoch;

    /** Creates readers with these names, plugged and empty. */
    public VirtualReaders(String... readerNames) {
        for (String name : readerNames) {
            plug(name);
        }
    }

    /** Plugs a reader in (no effect if it already is). */
    public synchronized void plug(String reader) {
        Slot slot = slots.computeIfAbsent(Objects.requireNonNull(reader, "reader"), Slot::new);
        slot.plugged = true;
        changed();
    }

    /** Unplugs a reader; a card in it is removed too. */
    public synchronized void unplug(String reader) {
        Slot slot = slot(reader);
        slot.card = null;
        slot.generation++;
        slot.plugged = false;
        changed();
    }

    /** Inserts (or taps) a card; a card already there is removed first. */
    public synchronized void insert(String reader, VirtualCard card) {
        Slot slot = slot(reader);
        if (!slot.plugged) {
            throw new IllegalStateException("reader " + reader + " is unplugged");
        }
        slot.card = Objects.requireNonNull(card, "card");
        slot.generation++;
        card.reset();
        changed();
    }

    /** @return the card in {@code reader} (or held on it, for a contactless reader), if any */
    public synchronized Optional<VirtualCard> card(String reader) {
        return Optional.ofNullable(slot(reader).card);
    }

    /** Removes the card from a reader, even in the middle of a command. */
    public synchronized void remove(String reader) {
        Slot slot = slot(reader);
        if (slot.card != null) {
            slot.card = null;
            slot.generation++;
            changed();
        }
    }

    /**
     * Stops the simulated reader service, as when pcscd stops: cards are lost and every call through
     * terminals opened before fails with {@code SCARD_E_NO_SERVICE}, until {@link #startService()}.
     */
    public synchronized void stopService() {
        serviceUp = false;
        serviceEpoch++;
        for (Slot slot : slots.values()) {
            slot.card = null;
            slot.generation++;
        }
        changed();
    }

    /** Starts the simulated service again; terminals must be {@linkplain #open() opened} anew. */
    public synchronized void startService() {
        serviceUp = true;
        changed();
    }

    synchronized void checkService(long epochSeen) throws javax.smartcardio.CardException {
        if (!serviceUp || epochSeen != serviceEpoch) {
            throw new javax.smartcardio.CardException("list() failed: SCARD_E_NO_SERVICE");
        }
    }

    synchronized long serviceEpoch() {
        return serviceEpoch;
    }

    /** @return the names of the readers plugged in, in plugging order */
    public synchronized List<String> readerNames() {
        List<String> names = new ArrayList<>();
        slots.values().stream().filter(s -> s.plugged).forEach(s -> names.add(s.name));
        return names;
    }

    /** @return a {@code javax.smartcardio} factory over these readers */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(VirtualSmartcardProvider.TYPE, this, VirtualSmartcardProvider.INSTANCE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the in-process smart-card provider is not usable", e);
        }
    }

    /** @return new terminals over these readers (a fresh "context" each call) */
    @Override
    public CardTerminals open() throws javax.smartcardio.CardException {
        synchronized (this) {
            if (!serviceUp) {
                throw new javax.smartcardio.CardException("SCARD_E_NO_SERVICE: the virtual reader service is stopped");
            }
        }
        return terminalFactory().terminals();
    }

    @Override
    public String describe() {
        return "in-process virtual readers";
    }

    synchronized Slot slot(String reader) {
        Slot slot = slots.get(reader);
        if (slot == null) {
            throw new IllegalArgumentException("no reader named " + reader);
        }
        return slot;
    }

    synchronized Slot slotOrNull(String reader) {
        return slots.get(reader);
    }

    synchronized long changes() {
        return changes;
    }

    /** Waits until {@link #changes()} differs from {@code seen}, or the timeout (0 = forever) expires. */
    synchronized void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMillis;
        while (changes == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(timeoutMillis == 0 ? 0 : left);
        }
    }

    private void changed() {
        changes++;
        notifyAll();
    }
}

package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.TerminalSource;

/** {@link VirtualCardStation} over {@link VirtualReaders}. */
final class InProcessStation implements VirtualCardStation {
    static final String READER = "Vigie Virtual Reader 0";
    private final VirtualReaders readers = new VirtualReaders(READER);
    private VirtualCard card;

    @Override
    public TerminalSource terminals() {
        return readers;
    }

    @Override
    public String readerName() {
        return READER;
    }

    @Override
    public void insert(VirtualCard newCard) {
        card = newCard;
        readers.insert(READER, newCard);
    }

    @Override
    public void remove() {
        card = null;
        readers.remove(READER);
    }

    @Override
    public void stopService() {
        readers.stopService();
    }

    @Override
    public void startService() {
        readers.startService();
        if (card != null) {
            readers.insert(READER, card);
        }
    }

    @Override
    public String describe() {
        return "in-process";
    }

    @Override
    public void close() {
        readers.stopService();
    }
}

package fr.vigie.hardware.sim.card;

import java.nio.ByteBuffer;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A connection to a virtual card. Every command checks, before and after the card processes it,
 * that the same card is still in the reader; otherwise it fails as PC/SC does on Linux.
 */
final class VirtualConnection extends Card {
    private final VirtualReaders readers;
    private final String reader;
    private final VirtualCard card;
    private final long generation;
    private final CardChannel basic = new Channel();
    private volatile boolean connected = true;

    VirtualConnection(VirtualReaders readers, String reader, VirtualCard card, long generation) {
        this.readers = readers;
        this.reader = reader;
        this.card = card;
        this.generation = generation;
    }

    @Override
    public ATR getATR() {
        return new ATR(card.atr());
    }

    @Override
    public String getProtocol() {
        return "T=0";
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basic;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        throw new CardException("logical channels are not supported by the virtual reader");
    }

    @Override
    public void beginExclusive() throws CardException {
        stillThere();
    }

    @Override
    public void endExclusive() throws CardException {
        stillThere();
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        throw new CardException("control commands are not supported by the virtual reader");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (connected && reset && present()) {
            card.reset();
        }
        connected = false;
    }

    byte[] exchange(byte[] command) throws CardException {
        checkConnected();
        stillThere();
        byte[] response = card.process(command);
        stillThere(); // pulled out while the card was working: the answer never reaches the host
        return response;
    }

    private boolean present() {
        synchronized (readers) {
            VirtualReaders.Slot slot = readers.slotOrNull(reader);
            return slot != null && slot.plugged && slot.card == card && slot.generation == generation;
        }
    }

    private void stillThere() throws CardException {
        if (!present()) {
            throw new CardException("sun.security.smartcardio.PCSCException: SCARD_W_REMOVED_CARD (" + reader + ")");
        }
    }

    private void checkConnected() {
        if (!connected) {
            throw new IllegalStateException("card connection closed");
        }
    }

    private final class Channel extends CardChannel {
        @Override
        public Card getCard() {
            return VirtualConnection.this;
        }

        @Override
        public int getChannelNumber() {
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws CardException {
            return new ResponseAPDU(exchange(command.getBytes()));
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
            byte[] c = new byte[command.remaining()];
            command.get(c);
            byte[] r = exchange(c);
            response.put(r);
            return r.length;
        }

        @Override
        public void close() throws CardException {
            throw new IllegalStateException("the basic channel cannot be closed");
        }
    }
}

package fr.vigie.hardware.card;

import fr.vigie.hardware.card.apdu.ApduChannel;
import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * {@link ApduChannel} over a {@code javax.smartcardio} channel, whatever its provider (the JDK's
 * PC/SC one or Vigie's in-process one). The JDK reports a removed card on Linux as a plain
 * {@link CardException} whose message names the PC/SC code, so the message is inspected.
 */
final class SmartcardioChannel implements ApduChannel {
    private final CardChannel channel;

    SmartcardioChannel(CardChannel channel) {
        this.channel = channel;
    }

    private static final java.time.Duration REMOVAL_PROBE = java.time.Duration.ofMillis(1500);
    private static final long PROBE_PAUSE_MILLIS = 50;

    @Override
    public ResponseApdu transmit(CommandApdu command) throws CardOperationException {
        try {
            ResponseAPDU r = channel.transmit(new CommandAPDU(command.toBytes()));
            return ResponseApdu.parse(r.getBytes());
        } catch (CardException e) {
            throw translate(e);
        } catch (IllegalStateException e) { // card or channel closed under us
            throw new CardFailedException(CardError.CARD_REMOVED, "card connection closed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The JDK rejects a response shorter than 2 bytes this way. A card always answers a
            // status word, so no answer at all is a transport failure: most often the card left
            // during the command (pcscd + vpcd report it so). Probe to tell which.
            throw emptyResponse(e);
        }
    }

    private CardFailedException emptyResponse(IllegalArgumentException e) {
        // pcscd learns of a removal by polling its reader driver (a few hundred ms apart), so the
        // first probe may still find the card "present": probe again for a bounded while.
        long deadline = System.nanoTime() + REMOVAL_PROBE.toNanos();
        do {
            try {
                channel.getCard().beginExclusive();
                channel.getCard().endExclusive();
            } catch (CardException probe) {
                return translate(probe);
            } catch (IllegalStateException closed) {
                return new CardFailedException(CardError.CARD_REMOVED, "card connection closed", closed);
            }
            try {
                Thread.sleep(PROBE_PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        return new CardFailedException(CardError.CARD_IO, "the reader returned no response (" + e.getMessage() + ")", e);
    }

    static CardFailedException translate(CardException e) {
        String text = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (e instanceof CardNotPresentException || text.contains("SCARD_W_REMOVED_CARD")
                || text.contains("SCARD_E_NO_SMARTCARD") || text.contains("SCARD_W_RESET_CARD")
                || text.contains("SCARD_W_UNPOWERED_CARD") || text.contains("SCARD_E_INVALID_HANDLE")) {
            return new CardFailedException(CardError.CARD_REMOVED, "card removed: " + text.trim(), e);
        }
        if (text.contains("SCARD_E_READER_UNAVAILABLE") || text.contains("SCARD_E_NO_SERVICE")
                || text.contains("SCARD_E_SERVICE_STOPPED") || text.contains("SCARD_E_UNKNOWN_READER")
                || text.contains("SCARD_E_NO_READERS_AVAILABLE")) {
            return new CardFailedException(CardError.CARD_READER_UNAVAILABLE, "reader unavailable: " + text.trim(), e);
        }
        return new CardFailedException(CardError.CARD_IO, "card I/O error: " + text.trim(), e);
    }
}

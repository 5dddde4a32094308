package fr.vigie.hardware.card;

import fr.vigie.protocol.ErrorKind;

/**
 * The card or the reader could not be talked to: card removed, reader unplugged, PC/SC service
 * gone, transport error. The operation may succeed later with a card present.
 */
public final class CardFailedException extends CardOperationException {
    private static final long serialVersionUID = 1L;

    /** Creates a failure, keeping the low-level cause for the logs. */
    public CardFailedException(CardError error, String message, Throwable cause) {
        super(error, message, cause);
        if (error.kind() != ErrorKind.FAILED) {
            throw new IllegalArgumentException(error + " is not a failure");
        }
    }
}

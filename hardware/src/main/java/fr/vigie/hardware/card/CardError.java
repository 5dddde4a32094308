package fr.vigie.hardware.card;

import fr.vigie.protocol.ErrorKind;

/**
 * Stable error codes of the smart-card layer, shared by the UI, the audit log and the tests.
 *
 * <p>Each code is either {@linkplain ErrorKind#REJECTED rejected} (the card answered, or the person typed
 * something, and the answer is refused for a precise reason) or {@linkplain ErrorKind#FAILED failed} (the
 * card or reader could not be talked to at all). Codes never change meaning once published.
 */
public enum CardError {
    /** The PIN was wrong; the exception says how many tries are left. */
    CARD_PIN_WRONG(ErrorKind.REJECTED),
    /** The PIN is blocked (no try left); only an unblock code can help. */
    CARD_PIN_BLOCKED(ErrorKind.REJECTED),
    /** The PIN typed does not have the card's format (4 digits for a CPS); nothing was sent. */
    CARD_PIN_FORMAT(ErrorKind.REJECTED),
    /** The card refused an operation that needs a verified PIN or another security state. */
    CARD_SECURITY_NOT_SATISFIED(ErrorKind.REJECTED),
    /** The card refused an operation in its current state (e.g. signing in contactless mode). */
    CARD_CONDITIONS_NOT_SATISFIED(ErrorKind.REJECTED),
    /** The application (AID) is not on this card. */
    CARD_APPLICATION_NOT_FOUND(ErrorKind.REJECTED),
    /** A file is not on this card. */
    CARD_FILE_NOT_FOUND(ErrorKind.REJECTED),
    /** The card does not know the instruction or its parameters. */
    CARD_INSTRUCTION_NOT_SUPPORTED(ErrorKind.REJECTED),
    /** The card is not of the expected kind (unknown ATR, missing application). */
    CARD_NOT_SUPPORTED(ErrorKind.REJECTED),
    /** The response bytes are malformed: bad length, bad TLV, truncated data. */
    CARD_MALFORMED_RESPONSE(ErrorKind.REJECTED),
    /** The card answered with a status word that this step does not expect. */
    CARD_UNEXPECTED_STATUS(ErrorKind.REJECTED),
    /** The certificate read from the card cannot be parsed or is not the expected one. */
    CARD_CERTIFICATE_INVALID(ErrorKind.REJECTED),
    /** The card's answer to a challenge does not verify with its certificate's public key. */
    CARD_SIGNATURE_INVALID(ErrorKind.REJECTED),
    /** The card was removed (or reset) during or before the operation. */
    CARD_REMOVED(ErrorKind.FAILED),
    /** The reader is gone or the PC/SC service is not reachable. */
    CARD_READER_UNAVAILABLE(ErrorKind.FAILED),
    /** Any other transport failure between the host and the card. */
    CARD_IO(ErrorKind.FAILED);

    private final ErrorKind kind;

    CardError(ErrorKind kind) {
        this.kind = kind;
    }

    /** @return whether this code is a rejection or a failure */
    public ErrorKind kind() {
        return kind;
    }

    /** @return a new exception of the right kind for this code */
    public CardOperationException exception(String message) {
        return kind == ErrorKind.REJECTED
                ? new CardRejectedException(this, message)
                : new CardFailedException(this, message, null);
    }
}

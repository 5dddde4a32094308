package fr.vigie.hardware.card;

/**
 * Stable error codes of the smart-card layer, shared by the UI, the audit log and the tests.
 *
 * <p>Each code is either {@linkplain Kind#REJECTED rejected} (the card answered, or the person typed
 * something, and the answer is refused for a precise reason) or {@linkplain Kind#FAILED failed} (the
 * card or reader could not be talked to at all). Codes never change meaning once published.
 */
public enum CardError {
    /** The PIN was wrong; the exception says how many tries are left. */
    CARD_PIN_WRONG(Kind.REJECTED),
    /** The PIN is blocked (no try left); only an unblock code can help. */
    CARD_PIN_BLOCKED(Kind.REJECTED),
    /** The PIN typed does not have the card's format (4 digits for a CPS); nothing was sent. */
    CARD_PIN_FORMAT(Kind.REJECTED),
    /** The card refused an operation that needs a verified PIN or another security state. */
    CARD_SECURITY_NOT_SATISFIED(Kind.REJECTED),
    /** The card refused an operation in its current state (e.g. signing in contactless mode). */
    CARD_CONDITIONS_NOT_SATISFIED(Kind.REJECTED),
    /** The application (AID) is not on this card. */
    CARD_APPLICATION_NOT_FOUND(Kind.REJECTED),
    /** A file is not on this card. */
    CARD_FILE_NOT_FOUND(Kind.REJECTED),
    /** The card does not know the instruction or its parameters. */
    CARD_INSTRUCTION_NOT_SUPPORTED(Kind.REJECTED),
    /** The card is not of the expected kind (unknown ATR, missing application). */
    CARD_NOT_SUPPORTED(Kind.REJECTED),
    /** The response bytes are malformed: bad length, bad TLV, truncated data. */
    CARD_MALFORMED_RESPONSE(Kind.REJECTED),
    /** The card answered with a status word that this step does not expect. */
    CARD_UNEXPECTED_STATUS(Kind.REJECTED),
    /** The certificate read from the card cannot be parsed or is not the expected one. */
    CARD_CERTIFICATE_INVALID(Kind.REJECTED),
    /** The card's answer to a challenge does not verify with its certificate's public key. */
    CARD_SIGNATURE_INVALID(Kind.REJECTED),
    /** The card was removed (or reset) during or before the operation. */
    CARD_REMOVED(Kind.FAILED),
    /** The reader is gone or the PC/SC service is not reachable. */
    CARD_READER_UNAVAILABLE(Kind.FAILED),
    /** Any other transport failure between the host and the card. */
    CARD_IO(Kind.FAILED);

    /** Whether an error is a refusal with a reason, or a failure to talk to the card. */
    public enum Kind { REJECTED, FAILED }

    private final Kind kind;

    CardError(Kind kind) {
        this.kind = kind;
    }

    /** @return whether this code is a rejection or a failure */
    public Kind kind() {
        return kind;
    }

    /** @return a new exception of the right kind for this code */
    public CardOperationException exception(String message) {
        return kind == Kind.REJECTED
                ? new CardRejectedException(this, message)
                : new CardFailedException(this, message, null);
    }
}

package fr.vigie.hardware.card;

import fr.vigie.protocol.ErrorKind;
import java.util.OptionalInt;

/**
 * The card answered (or the person typed something) and the answer is refused for a precise reason:
 * wrong PIN, blocked PIN, malformed response, unexpected status word. Retrying the same thing will
 * not help; acting on the reason may.
 */
public final class CardRejectedException extends CardOperationException {
    private static final long serialVersionUID = 1L;

    private final int triesLeft;

    /** Creates a rejection with a reason a person can act on. */
    public CardRejectedException(CardError error, String message) {
        this(error, message, -1);
    }

    private CardRejectedException(CardError error, String message, int triesLeft) {
        super(error, message, null);
        if (error.kind() != ErrorKind.REJECTED) {
            throw new IllegalArgumentException(error + " is not a rejection");
        }
        this.triesLeft = triesLeft;
    }

    /** @return a {@link CardError#CARD_PIN_WRONG} rejection that says how many tries are left */
    public static CardRejectedException wrongPin(int triesLeft) {
        return new CardRejectedException(CardError.CARD_PIN_WRONG,
                "wrong PIN, " + triesLeft + " tr" + (triesLeft == 1 ? "y" : "ies") + " left", triesLeft);
    }

    /** @return the PIN tries left when the card said so (wrong PIN), empty otherwise */
    public OptionalInt triesLeft() {
        return triesLeft < 0 ? OptionalInt.empty() : OptionalInt.of(triesLeft);
    }
}

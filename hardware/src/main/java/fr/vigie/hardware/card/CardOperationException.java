package fr.vigie.hardware.card;

import java.util.Objects;

/**
 * A card operation did not succeed. Always carries a stable {@link CardError} code.
 *
 * <p>Catch {@link CardRejectedException} to handle refusals with a reason (wrong PIN, malformed
 * response) and {@link CardFailedException} for failures to talk to the card (removed, reader gone).
 * Messages never contain a PIN or key material.
 */
public abstract sealed class CardOperationException extends Exception
        permits CardRejectedException, CardFailedException {
    private static final long serialVersionUID = 1L;

    private final CardError error;

    CardOperationException(CardError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** @return the stable code of this error */
    public CardError error() {
        return error;
    }
}

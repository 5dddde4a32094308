package fr.vigie.protocol.identity;

import java.util.Objects;

/**
 * An RNIV action or value was rejected: a verdict on the request, not a failure of Vigie. The
 * {@link #error() code} is stable; the message says what a person can do and holds no personal data.
 */
public final class RnivException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RnivError error;

    public RnivException(RnivError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The stable rejection code. */
    public RnivError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

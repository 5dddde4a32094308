package fr.vigie.protocol.identity;

import java.util.Objects;

/**
 * Identity data was rejected: it is not a valid matricule, OID, trait or professional identifier.
 * This is a verdict on the input, not a failure of Vigie; the {@link #error() code} is stable and
 * the message says, in terms a person can act on, what is wrong. Messages never contain a full
 * matricule, so they may be logged.
 */
public final class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;
    private final IdentityError error;

    public IdentityException(IdentityError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The stable rejection code. */
    public IdentityError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

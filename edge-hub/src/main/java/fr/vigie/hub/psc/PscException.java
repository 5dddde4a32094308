package fr.vigie.hub.psc;

import fr.vigie.protocol.ErrorKind;

/**
 * A PSC exchange that was rejected or failed, with its stable {@link PscError} code. Messages
 * never contain a token or a secret.
 */
public class PscException extends Exception {
    private final PscError error;

    public PscException(PscError error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public PscException(PscError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
    }

    public PscError error() {
        return error;
    }

    /** True when PSC or a token was refused as wrong, false when the exchange could not happen. */
    public boolean rejected() {
        return error.kind() == ErrorKind.REJECTED;
    }
}

package fr.vigie.protocol;

/**
 * A message was rejected because it breaks the kiosk-hub contract. The {@link #error() code} is
 * stable; the message says precisely what was wrong, in terms a person can act on.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ProtocolError error;

    public ProtocolException(ProtocolError error, String reason) {
        super(reason);
        this.error = error;
    }

    public ProtocolException(ProtocolError error, String reason, Throwable cause) {
        super(reason, cause);
        this.error = error;
    }

    /** The stable rejection code. */
    public ProtocolError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

package fr.vigie.kiosk.outbox;

/**
 * The outbox failed: its file cannot be opened, is locked, corrupt, of an unknown format or
 * belongs to another kiosk, or a read or write failed. The message names the file and says what a
 * person can do about it; {@link #error()} is the stable code. Unchecked, because a kiosk cannot
 * carry on accepting events without its outbox: it is reported, not handled event by event.
 */
public final class OutboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final OutboxError error;

    public OutboxException(OutboxError error, String message) {
        super(message);
        this.error = error;
    }

    public OutboxException(OutboxError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** The stable code. */
    public OutboxError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

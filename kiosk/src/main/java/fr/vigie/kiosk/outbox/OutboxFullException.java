package fr.vigie.kiosk.outbox;

/**
 * An event was <em>not</em> accepted because the outbox already holds its capacity of events not
 * yet acknowledged by the broker (code {@link OutboxError#OUTBOX_FULL}). Nothing already accepted
 * was dropped: the outbox never makes room by discarding events. The caller decides what to do:
 * retry later, tell the user, or give up on this event.
 */
public final class OutboxFullException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long depth;
    private final long capacity;

    public OutboxFullException(String message, long depth, long capacity) {
        super(message);
        this.depth = depth;
        this.capacity = capacity;
    }

    /** The stable code, always {@link OutboxError#OUTBOX_FULL}. */
    public OutboxError error() {
        return OutboxError.OUTBOX_FULL;
    }

    /** Events waiting in the outbox when this one was refused. */
    public long depth() {
        return depth;
    }

    /** The outbox's capacity. */
    public long capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return OutboxError.OUTBOX_FULL + ": " + getMessage();
    }
}

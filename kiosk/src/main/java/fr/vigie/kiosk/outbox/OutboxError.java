package fr.vigie.kiosk.outbox;

/**
 * Stable codes for what can go wrong with the outbox. The UI, the logs and the tests speak of
 * outbox trouble by these names.
 */
public enum OutboxError {
    /** The outbox holds as many events as its capacity allows; the new event was not accepted. */
    OUTBOX_FULL,
    /** The file is not a readable SQLite database, or its content fails the integrity check. */
    OUTBOX_CORRUPT,
    /** The file was written by a newer outbox format this version cannot read. */
    OUTBOX_FORMAT,
    /** The file or its folder cannot be opened, read or written (permissions, disk full, I/O error). */
    OUTBOX_UNAVAILABLE,
    /** Another process (or another outbox in this process) already has this file open. */
    OUTBOX_LOCKED,
    /** The file belongs to another kiosk than the one opening it. */
    OUTBOX_WRONG_KIOSK,
    /** The outbox was used after {@link Outbox#close()}. */
    OUTBOX_CLOSED
}

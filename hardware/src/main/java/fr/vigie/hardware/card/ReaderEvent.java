package fr.vigie.hardware.card;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a card reader, with when the monitor saw it. Immutable.
 *
 * @param reader the reader's name, or empty for {@link Type#SERVICE_LOST} / {@link Type#SERVICE_RESTORED}
 * @param detail a short explanation for support staff (e.g. the PC/SC error), may be empty
 */
public record ReaderEvent(Type type, String reader, Instant at, String detail) {
    /** Kinds of events. */
    public enum Type {
        READER_ADDED, READER_REMOVED, CARD_INSERTED, CARD_REMOVED,
        /** The PC/SC service went away (stopped, restarted); readers are reported removed. */
        SERVICE_LOST,
        /** The service is back, through a new context. */
        SERVICE_RESTORED
    }

    public ReaderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return at + " " + type + (reader.isEmpty() ? "" : " " + reader) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}

package fr.vigie.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * The identity of one event: a UUID version 7, whose leading 48 bits are the Unix time in
 * milliseconds, so that ids sort by creation time both as UUIDs and as canonical lowercase strings.
 * The hub stores events idempotently by this id. Immutable; created by {@link EventIdGenerator}.
 */
public record EventId(UUID uuid) implements Comparable<EventId> {

    public EventId {
        if (uuid == null || uuid.version() != 7 || uuid.variant() != 2) {
            throw new IllegalArgumentException("event id must be a UUID version 7 (RFC 9562), got " + uuid);
        }
    }

    /**
     * Parses the canonical text form.
     *
     * @throws IllegalArgumentException when the text is not a canonical UUID version 7
     */
    @JsonCreator
    public static EventId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("event id must be a 36-character UUID, got '" + text + "'");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event id '" + text + "' is not a UUID");
        }
        if (!uuid.toString().equals(text)) {
            throw new IllegalArgumentException("event id '" + text + "' is not in canonical lowercase form");
        }
        return new EventId(uuid);
    }

    /** Milliseconds since the epoch at which the id was made. */
    public long epochMillis() {
        return uuid.getMostSignificantBits() >>> 16;
    }

    @JsonValue
    @Override
    public String toString() {
        return uuid.toString();
    }

    @Override
    public int compareTo(EventId other) {
        int byHigh = Long.compareUnsigned(uuid.getMostSignificantBits(), other.uuid.getMostSignificantBits());
        return byHigh != 0 ? byHigh
                : Long.compareUnsigned(uuid.getLeastSignificantBits(), other.uuid.getLeastSignificantBits());
    }
}

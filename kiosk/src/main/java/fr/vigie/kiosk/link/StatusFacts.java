package fr.vigie.kiosk.link;

import java.time.Instant;
import java.util.List;

/**
 * What the kiosk's heartbeat says beyond presence, read afresh for each status. Immutable.
 *
 * @param configVersion version of the signed configuration in force, 0 before any
 * @param certificateNotAfter expiry of the device certificate, or {@code null} when not enrolled
 * @param readers names of the card readers the kiosk sees
 */
public record StatusFacts(long configVersion, Instant certificateNotAfter, List<String> readers) {
    /** No configuration, no certificate, no reader. */
    public static final StatusFacts NONE = new StatusFacts(0, null, List.of());

    public StatusFacts {
        readers = List.copyOf(readers);
    }
}

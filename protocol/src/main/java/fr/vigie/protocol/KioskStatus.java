package fr.vigie.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A kiosk's retained status: published as a heartbeat every few seconds while it runs, and as its
 * MQTT last will (state {@link State#OFFLINE}) for when it goes away without saying so. Immutable.
 *
 * <p>The fleet fields ({@code configVersion}, {@code certificateNotAfter}, {@code readers}) came after
 * the first heartbeats: a status without them is still read, with 0, no certificate and no readers.
 *
 * @param site site of the kiosk
 * @param kioskId the kiosk
 * @param state online, or offline (last will or clean shutdown)
 * @param sentAt when the kiosk wrote this status (for a last will: when it connected)
 * @param softwareVersion kiosk software version
 * @param startedAt when the kiosk process started (uptime = {@code sentAt - startedAt})
 * @param outboxDepth events accepted but not yet acknowledged by the broker
 * @param heartbeatSeconds the interval at which the next heartbeat is due
 * @param configVersion version of the signed configuration in force, 0 before any
 * @param certificateNotAfter expiry of the kiosk's device certificate as an ISO-8601 instant, or
 *     {@code ""} when it has none (not enrolled)
 * @param readers names of the card readers the kiosk sees, at most 16
 * @param schema contract schema version
 */
public record KioskStatus(String site, String kioskId, State state, Instant sentAt, String softwareVersion,
        Instant startedAt, long outboxDepth, int heartbeatSeconds, long configVersion, String certificateNotAfter,
        List<String> readers, int schema) {

    /** Whether the kiosk says it is running. */
    public enum State { ONLINE, OFFLINE }

    /** Most readers listed in a status. */
    public static final int MAX_READERS = 16;

    public KioskStatus {
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.present("state", state);
        Checks.present("sentAt", sentAt);
        Checks.text("softwareVersion", softwareVersion, 64);
        Checks.present("startedAt", startedAt);
        Checks.notNegative("outboxDepth", outboxDepth);
        Checks.positive("heartbeatSeconds", heartbeatSeconds);
        Checks.notNegative("configVersion", configVersion);
        Checks.present("certificateNotAfter", certificateNotAfter);
        if (!certificateNotAfter.isEmpty()) {
            try {
                Instant.parse(certificateNotAfter);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("certificateNotAfter '" + certificateNotAfter
                        + "' must be an ISO-8601 instant or empty");
            }
        }
        readers = List.copyOf(Checks.present("readers", readers));
        if (readers.size() > MAX_READERS) {
            throw new IllegalArgumentException("readers lists " + readers.size() + " readers, at most " + MAX_READERS);
        }
        for (String r : readers) {
            Checks.text("readers[]", r, 128);
        }
    }

    /** A status without the fleet fields: no configuration, no certificate, no readers. */
    public KioskStatus(String site, String kioskId, State state, Instant sentAt, String softwareVersion,
            Instant startedAt, long outboxDepth, int heartbeatSeconds, int schema) {
        this(site, kioskId, state, sentAt, softwareVersion, startedAt, outboxDepth, heartbeatSeconds, 0, "",
                List.of(), schema);
    }

    public KioskAddress kiosk() {
        return new KioskAddress(site, kioskId);
    }

    /** The device certificate's expiry, if the kiosk has one. */
    public Optional<Instant> certificateExpiry() {
        return certificateNotAfter.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(certificateNotAfter));
    }
}

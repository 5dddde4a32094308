package fr.vigie.protocol;

import java.time.Instant;

/**
 * A kiosk's retained status: published as a heartbeat every few seconds while it runs, and as its
 * MQTT last will (state {@link State#OFFLINE}) for when it goes away without saying so. Immutable.
 *
 * @param site site of the kiosk
 * @param kioskId the kiosk
 * @param state online, or offline (last will or clean shutdown)
 * @param sentAt when the kiosk wrote this status (for a last will: when it connected)
 * @param softwareVersion kiosk software version
 * @param startedAt when the kiosk process started
 * @param outboxDepth events accepted but not yet acknowledged by the broker
 * @param heartbeatSeconds the interval at which the next heartbeat is due
 * @param schema contract schema version
 */
public record KioskStatus(String site, String kioskId, State state, Instant sentAt, String softwareVersion,
        Instant startedAt, long outboxDepth, int heartbeatSeconds, int schema) {

    /** Whether the kiosk says it is running. */
    public enum State { ONLINE, OFFLINE }

    public KioskStatus {
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.present("state", state);
        Checks.present("sentAt", sentAt);
        Checks.text("softwareVersion", softwareVersion, 64);
        Checks.present("startedAt", startedAt);
        Checks.notNegative("outboxDepth", outboxDepth);
        Checks.positive("heartbeatSeconds", heartbeatSeconds);
    }

    public KioskAddress kiosk() {
        return new KioskAddress(site, kioskId);
    }
}

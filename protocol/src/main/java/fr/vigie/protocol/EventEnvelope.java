package fr.vigie.protocol;

import java.time.Instant;

/**
 * One event reported by a kiosk: the unit the kiosk's outbox stores, the broker carries and the hub
 * stores idempotently by {@link #eventId()}. Immutable.
 *
 * <pre>{@code
 * EventEnvelope e = EventEnvelope.of(ids.next(), kiosk, 42, clock.instant(),
 *         new EventPayload.DemoActivity("badge-tap", 42));
 * byte[] wire = codec.encode(e);
 * }</pre>
 *
 * @param eventId time-sortable unique id
 * @param site site of the kiosk
 * @param kioskId kiosk that accepted the event
 * @param seq per-kiosk accept sequence, 1, 2, 3… in the order the kiosk accepted events
 * @param type wire name of the payload type
 * @param occurredAt when the kiosk accepted the event
 * @param schema contract schema version the event was written with
 * @param payload the typed body, whose type matches {@code type}
 */
public record EventEnvelope(EventId eventId, String site, String kioskId, long seq, String type,
        Instant occurredAt, int schema, EventPayload payload) {

    public EventEnvelope {
        Checks.present("eventId", eventId);
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.positive("seq", seq);
        Checks.present("occurredAt", occurredAt);
        Checks.present("payload", payload);
        if (!payload.type().wireName().equals(type)) {
            throw new IllegalArgumentException("type '" + type + "' does not match payload type '"
                    + payload.type().wireName() + "'");
        }
    }

    /** An envelope in the current schema version, its type taken from the payload. */
    public static EventEnvelope of(EventId eventId, KioskAddress kiosk, long seq, Instant occurredAt,
            EventPayload payload) {
        return new EventEnvelope(eventId, kiosk.site(), kiosk.kioskId(), seq, payload.type().wireName(),
                occurredAt, ProtocolCodec.SCHEMA_VERSION, payload);
    }

    public KioskAddress kiosk() {
        return new KioskAddress(site, kioskId);
    }
}

package fr.vigie.kiosk.outbox;

import fr.vigie.protocol.EventId;

/**
 * One event waiting in the outbox, as the publisher needs it: its sequence number, its id and the
 * exact JSON bytes that were committed (and will go on the wire unchanged). Each {@link Outbox#pending}
 * call returns fresh arrays, so the holder may use {@code json} without copying; do not modify it.
 *
 * @param seq the per-kiosk accept sequence number
 * @param eventId the event's id
 * @param type the event's wire type name, e.g. {@code demo.activity}
 * @param json the encoded {@link fr.vigie.protocol.EventEnvelope}
 */
public record Pending(long seq, EventId eventId, String type, byte[] json) {
}

package fr.vigie.kiosk.admission;

import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.protocol.EventPayload;

/**
 * Where visit events go: the kiosk's durable outbox ({@code kiosk::accept} or {@code outbox::accept}),
 * which sends them to the hub over MQTT. An event accepted here is never lost.
 */
@FunctionalInterface
public interface VisitEvents {
    /** Accepts the event durably. */
    void accept(EventPayload.PrescriptionScanned event) throws OutboxFullException;
}

package fr.vigie.hub.testing;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventIdGenerator;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import java.time.Instant;

/** Builds contract messages for tests, as a kiosk would. */
public final class Events {
    public static final ProtocolCodec CODEC = new ProtocolCodec();
    private static final EventIdGenerator IDS = EventIdGenerator.system();

    private Events() {
    }

    public static EventEnvelope demo(KioskAddress kiosk, long seq, Instant occurredAt) {
        return EventEnvelope.of(IDS.next(), kiosk, seq, occurredAt, new EventPayload.DemoActivity("badge-tap", seq));
    }

    public static EventEnvelope started(KioskAddress kiosk, long seq, Instant occurredAt) {
        return EventEnvelope.of(IDS.next(), kiosk, seq, occurredAt, new EventPayload.KioskStarted("1.2.3", 0));
    }

    public static KioskStatus status(KioskAddress kiosk, KioskStatus.State state, Instant sentAt, int heartbeatSeconds) {
        return new KioskStatus(kiosk.site(), kiosk.kioskId(), state, sentAt, "1.4.0", sentAt.minusSeconds(60), 7,
                heartbeatSeconds, ProtocolCodec.SCHEMA_VERSION);
    }
}

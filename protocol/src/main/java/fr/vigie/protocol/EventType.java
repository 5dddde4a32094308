package fr.vigie.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the contract, each with its wire name and payload record. */
public enum EventType {
    KIOSK_STARTED("kiosk.started", EventPayload.KioskStarted.class),
    DEMO_ACTIVITY("demo.activity", EventPayload.DemoActivity.class),
    SESSION_TRANSITION("session.transition", EventPayload.SessionTransition.class),
    PRESCRIPTION_SCANNED("prescription.scanned", EventPayload.PrescriptionScanned.class),
    SOFTWARE_UPDATE("software.update", EventPayload.SoftwareUpdate.class);

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String wireName, Class<? extends EventPayload> payloadClass) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The type whose wire name is {@code wireName}, if the contract knows it. */
    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    static EventType of(EventPayload payload) {
        for (EventType t : values()) {
            if (t.payloadClass.isInstance(payload)) {
                return t;
            }
        }
        throw new IllegalStateException("payload class not registered: " + payload.getClass());
    }
}

package fr.vigie.protocol;

/**
 * The typed body of an {@link EventEnvelope}. Each implementation is a record registered with its
 * wire name in {@link EventType}; the codec refuses any other type.
 */
public sealed interface EventPayload permits EventPayload.KioskStarted, EventPayload.DemoActivity {

    /** The wire name of this payload's type. */
    default EventType type() {
        return EventType.of(this);
    }

    /**
     * A kiosk process started (or restarted) and opened its outbox.
     *
     * @param softwareVersion the kiosk software version
     * @param pendingInOutbox events still waiting in the outbox from before the start
     */
    record KioskStarted(String softwareVersion, long pendingInOutbox) implements EventPayload {
        public KioskStarted {
            Checks.text("softwareVersion", softwareVersion, 64);
            Checks.notNegative("pendingInOutbox", pendingInOutbox);
        }
    }

    /**
     * Activity produced by a virtual kiosk in the demo and in load tests.
     *
     * @param action what the simulated user did, e.g. {@code badge-tap}
     * @param burstIndex 1-based position of the event in its generated burst
     */
    record DemoActivity(String action, long burstIndex) implements EventPayload {
        public DemoActivity {
            Checks.text("action", action, 64);
            Checks.notNegative("burstIndex", burstIndex);
        }
    }
}

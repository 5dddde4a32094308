package fr.vigie.protocol;

/**
 * The typed body of an {@link EventEnvelope}. Each implementation is a record registered with its
 * wire name in {@link EventType}; the codec refuses any other type.
 */
public sealed interface EventPayload permits EventPayload.KioskStarted, EventPayload.DemoActivity,
        EventPayload.SessionTransition, EventPayload.PrescriptionScanned, EventPayload.SoftwareUpdate {

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

    /**
     * A clinician session on a kiosk changed state. Carries identifiers only: never a PIN, a token
     * or a key.
     *
     * @param sessionId the kiosk-local session id
     * @param from the state left, e.g. {@code PIN_ENTRY}
     * @param to the state entered, e.g. {@code OPEN}
     * @param reason a stable reason code, e.g. {@code CARD_REMOVED}, {@code REAUTH_SWITCH}
     * @param idNatPs the clinician's national identifier, or empty before a card is read
     * @param exercice the chosen professional activity, or empty if none is chosen yet
     *
     * <p>The wire contract has no null fields: a {@code null} idNatPs or exercice given to the
     * constructor is stored as the empty string.
     */
    record SessionTransition(String sessionId, String from, String to, String reason, String idNatPs,
            String exercice) implements EventPayload {
        public SessionTransition {
            Checks.text("sessionId", sessionId, 64);
            Checks.text("from", from, 32);
            Checks.text("to", to, 32);
            Checks.text("reason", reason, 64);
            idNatPs = idNatPs == null ? "" : idNatPs;
            exercice = exercice == null ? "" : exercice;
            if (idNatPs.length() > 32 || exercice.length() > 128) {
                throw new IllegalArgumentException("idNatPs (32) or exercice (128) is too long");
            }
        }
    }

    /**
     * An e-prescription (ordonnance numérique) was scanned at admission and attached to a patient's
     * visit. The patient is named by the hub's identity record id, never by NIR or INS.
     *
     * @param recordId the hub's identity record the visit is for
     * @param number the normalised prescription number: 1 to 64 of {@code A-Z}, {@code 0-9}
     * @param idNatPs the signed-in agent who scanned it
     */
    record PrescriptionScanned(long recordId, String number, String idNatPs) implements EventPayload {
        public PrescriptionScanned {
            Checks.positive("recordId", recordId);
            Checks.text("number", number, 64);
            if (!number.matches("[A-Z0-9]+")) {
                throw new IllegalArgumentException("number must be uppercase letters and digits only");
            }
            Checks.text("idNatPs", idNatPs, 80);
        }
    }

    /**
     * A step of a software update the hub asked for ({@code update-software}): sent through the outbox, so it
     * survives the restart the update itself causes.
     *
     * @param rolloutId the hub's rollout the update belongs to
     * @param packageName the package, e.g. {@code vigie-kiosk}
     * @param fromVersion the version installed before the update
     * @param toVersion the version asked for
     * @param state {@code UPDATING}, {@code UPDATED} (installed, restarted and healthy), {@code ROLLED_BACK}
     *     (installed, unhealthy, previous version reinstalled), {@code REFUSED} (not attempted) or {@code FAILED}
     * @param code a stable reason code, e.g. {@code OK}, {@code HEALTH_CHECK_FAILED}, {@code DOWNGRADE_NOT_ASKED}
     * @param message a sentence for IT, or empty
     */
    record SoftwareUpdate(long rolloutId, String packageName, String fromVersion, String toVersion, String state,
            String code, String message) implements EventPayload {
        /** The states, in the order an update goes through them. */
        public static final java.util.List<String> STATES = java.util.List.of("UPDATING", "UPDATED", "ROLLED_BACK",
                "REFUSED", "FAILED");

        public SoftwareUpdate {
            Checks.positive("rolloutId", rolloutId);
            Checks.text("packageName", packageName, 64);
            Checks.text("fromVersion", fromVersion, 64);
            Checks.text("toVersion", toVersion, 64);
            Checks.text("state", state, 16);
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("state must be one of " + STATES + ", got " + state);
            }
            Checks.text("code", code, 64);
            message = message == null ? "" : message;
            if (message.length() > 500) {
                throw new IllegalArgumentException("message is longer than 500 characters");
            }
        }
    }
}

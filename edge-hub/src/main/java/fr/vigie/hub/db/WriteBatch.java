package fr.vigie.hub.db;

import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolError;
import java.time.Instant;
import java.util.List;

/**
 * What one ingest transaction writes: new events (in arrival order), kiosk statuses, and rejected
 * messages for the quarantine. Immutable.
 *
 * @param events decoded events in arrival order; ids may repeat (the store keeps the first)
 * @param statuses kiosk statuses in arrival order
 * @param rejections messages that broke the contract
 */
public record WriteBatch(List<NewEvent> events, List<StatusUpdate> statuses, List<Quarantined> rejections) {

    public WriteBatch {
        events = List.copyOf(events);
        statuses = List.copyOf(statuses);
        rejections = List.copyOf(rejections);
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return events.isEmpty() && statuses.isEmpty() && rejections.isEmpty();
    }

    /**
     * An event to store.
     *
     * @param event the decoded envelope
     * @param payloadJson its payload as JSON text, for the {@code jsonb} column
     */
    public record NewEvent(EventEnvelope event, String payloadJson) {
    }

    /**
     * A kiosk status to apply to the device registry.
     *
     * @param status the decoded status
     * @param heartbeatAt when the heartbeat counts as sent (see {@code Presence.heartbeatTime})
     */
    public record StatusUpdate(KioskStatus status, Instant heartbeatAt) {
    }

    /**
     * A message that broke the contract, kept in {@code rejected_messages}.
     *
     * @param topic topic it arrived on (cut to 512 characters)
     * @param code stable rejection code
     * @param reason what was wrong
     * @param sizeBytes full size of the message
     * @param firstBytes its first bytes (at most {@link #KEPT_BYTES})
     * @param receivedAt when the hub received it
     */
    public record Quarantined(String topic, ProtocolError code, String reason, int sizeBytes, byte[] firstBytes,
            Instant receivedAt) {
        /** How many leading bytes of a rejected message are kept. */
        public static final int KEPT_BYTES = 256;
    }
}

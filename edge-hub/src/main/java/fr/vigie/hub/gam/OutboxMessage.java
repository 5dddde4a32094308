package fr.vigie.hub.gam;

import java.time.Instant;

/**
 * One message of the GAM feed's outbox, as IT sees it (without its HL7 text, which may hold a full INS).
 * Immutable.
 *
 * @param messageId its place in the queue
 * @param controlId MSH-10, the same on every attempt (a GAM recognises a message sent again)
 * @param event the PAM event
 * @param recordId the patient's record (for an A40, the record kept)
 * @param otherRecordId for an A40, the record merged into it; otherwise null
 * @param state {@link State}
 * @param attempts how many times it was sent without an answer, or answered
 * @param lastError why the last attempt failed to get an answer (connection refused, timeout…), or null
 * @param ackCode the GAM's acknowledgement code ({@code AA}, {@code AE}, {@code AR}…), or null
 * @param ackText what the GAM said with a refusal, or null
 * @param waitingBehind for a waiting message of a patient who has an older message not delivered yet, that
 *        message's id (it goes first: order is kept per patient); otherwise null
 */
public record OutboxMessage(long messageId, String controlId, PamEvent event, long recordId, Long otherRecordId,
        State state, Instant createdAt, int attempts, Instant lastAttemptAt, String lastError, String ackCode,
        String ackText, Instant ackedAt, String resentBy, Instant resentAt, Long waitingBehind) {

    /** Where a message is. */
    public enum State {
        /** Waiting to be sent, or to be sent again after the GAM could not be reached. */
        PENDING,
        /** Acknowledged {@code AA} by the GAM. */
        DONE,
        /**
         * Refused by the GAM ({@code AE}/{@code AR}): kept with its answer for IT; the patient's later messages wait
         * behind it until IT sends it again.
         */
        FAILED
    }
}

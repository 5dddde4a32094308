package fr.vigie.hub.insi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One INSi call as the audit log keeps it: who asked, for which local record, which operation,
 * what came back, how long it took. Holds no full matricule: {@code maskedIns} is
 * {@code InsMatricule.masked()} of the identity returned, when there is one.
 *
 * @param at when the call started
 * @param operatorId who asked
 * @param recordId for which local record
 * @param operation which INSi operation
 * @param messageId the WS-Addressing {@code MessageID}, to match the service's own logs
 * @param outcome {@code 00}, {@code 01}, {@code 02}, or the {@link InsiError} name
 * @param maskedIns the masked INS returned, or {@code null}
 * @param attempts HTTP attempts made (0 when the call was refused locally)
 * @param duration wall time of the call, retries included
 */
public record InsiAuditEntry(Instant at, String operatorId, String recordId, InsiOperation operation,
        String messageId, String outcome, String maskedIns, int attempts, Duration duration) {
    public InsiAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A one-line text for logs, with no personal data beyond the masked INS. */
    public String message() {
        return "INSi " + operation.operationName() + " by " + operatorId + " for record " + recordId + ": " + outcome
                + (maskedIns == null ? "" : " INS " + maskedIns) + " in " + duration.toMillis() + " ms, "
                + attempts + " attempt(s), " + (messageId == null ? "no call made" : messageId);
    }
}

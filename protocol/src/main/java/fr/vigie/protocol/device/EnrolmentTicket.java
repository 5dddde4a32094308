package fr.vigie.protocol.device;

import java.util.Objects;

/**
 * The answer of {@link EnrolmentApi#SUBMIT}: the request's id, to poll with, and its status (201 when a
 * bootstrap token approved it at once, 202 when it waits for IT). Immutable.
 */
public record EnrolmentTicket(String id, EnrolmentStatus status) {
    public EnrolmentTicket {
        Fields.text("id", id, 64);
        Objects.requireNonNull(status, "status is required");
    }
}

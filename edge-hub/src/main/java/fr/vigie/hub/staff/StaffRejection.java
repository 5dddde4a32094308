package fr.vigie.hub.staff;

import java.time.Duration;

/** A staff request refused with a stable {@link StaffError} code and a reason a person can act on. Immutable. */
public final class StaffRejection extends Exception {
    private static final long serialVersionUID = 1L;
    private final StaffError error;
    private final transient Duration retryAfter;

    public StaffRejection(StaffError error, String message) {
        this(error, message, null);
    }

    public StaffRejection(StaffError error, String message, Duration retryAfter) {
        super(message);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public StaffError error() {
        return error;
    }

    /** For {@link StaffError#STAFF_SIGNIN_THROTTLED}: how long to wait; otherwise {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package fr.vigie.hub.enrol;

import fr.vigie.protocol.device.EnrolmentError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrolment, token, revocation or renewal request the hub refuses, with an HTTP status and a stable
 * code. What a kiosk may meet on the device API carries an {@link EnrolmentError} of the contract (status
 * and code its own); what only IT meets on the REST API may carry one of the constants here, with the status
 * the REST API answers. Answered as {@code {"error": code, "message": …}}, with {@code Retry-After} when
 * {@link #retryAfter()} says how long to wait. Immutable.
 */
public final class EnrolmentRefused extends Exception {
    private static final long serialVersionUID = 1L;
    /** IT's REST API: the request was already approved or rejected (409). */
    public static final String ALREADY_DECIDED = "ENROLMENT_ALREADY_DECIDED";
    /** IT's REST API: no certificate of this kiosk to revoke (404). */
    public static final String DEVICE_UNKNOWN = "DEVICE_UNKNOWN";

    private final int status;
    private final String code;
    private final transient EnrolmentError error;
    private final transient Duration retryAfter;

    /** A refusal of the device API's contract, answered with the code's own status. */
    public EnrolmentRefused(EnrolmentError error, String message) {
        this(error, message, null);
    }

    /** A refusal of the device API's contract, asking to wait {@code retryAfter} before trying again. */
    public EnrolmentRefused(EnrolmentError error, String message, Duration retryAfter) {
        this(Objects.requireNonNull(error, "error").status(), error.name(), error, message, retryAfter);
    }

    /** A refusal of IT's REST API only, with its own status. */
    public EnrolmentRefused(int status, String code, String message) {
        this(status, code, null, message, null);
    }

    private EnrolmentRefused(int status, String code, EnrolmentError error, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The device API's code, when this refusal is one a kiosk may meet. */
    public Optional<EnrolmentError> contractError() {
        return Optional.ofNullable(error);
    }

    /** How long to wait before asking again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

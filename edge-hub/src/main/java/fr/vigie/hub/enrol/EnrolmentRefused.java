package fr.vigie.hub.enrol;

/**
 * An enrolment, token, revocation or renewal request the hub refuses, with an HTTP status and a
 * stable code: a {@link fr.vigie.provisioning.ProvisioningError} name ({@code CSR_SUBJECT_MISMATCH},
 * {@code TOKEN_EXPIRED}, {@code ENROLMENT_CODE_MISMATCH}…) or one of the constants here. Answered as
 * {@code {"error": code, "message": …}}. Immutable.
 */
public final class EnrolmentRefused extends Exception {
    private static final long serialVersionUID = 1L;
    /** No enrolment request with this id (404). */
    public static final String UNKNOWN = "ENROLMENT_UNKNOWN";
    /** The request was already approved or rejected (409). */
    public static final String ALREADY_DECIDED = "ENROLMENT_ALREADY_DECIDED";
    /** Too many requests wait for IT already (429). */
    public static final String QUEUE_FULL = "ENROLMENT_QUEUE_FULL";
    /** No certificate of this kiosk to revoke (404). */
    public static final String DEVICE_UNKNOWN = "DEVICE_UNKNOWN";
    /** A request parameter is missing or malformed (400). */
    public static final String INVALID = "INVALID_PARAMETER";

    private final int status;
    private final String code;

    public EnrolmentRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

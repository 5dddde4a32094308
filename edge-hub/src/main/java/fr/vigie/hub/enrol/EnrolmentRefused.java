package fr.vigie.hub.enrol;

import java.time.Duration;

/**
 * An enrolment, token, revocation or renewal request the hub refuses, with an HTTP status and a
 * stable code: a {@link fr.vigie.provisioning.ProvisioningError} name ({@code CSR_SUBJECT_MISMATCH},
 * {@code TOKEN_EXPIRED}, {@code ENROLMENT_CODE_MISMATCH}…) or one of the constants here. Answered as
 * {@code {"error": code, "message": …}}, with {@code Retry-After} when {@link #retryAfter()} says how
 * long to wait. Immutable.
 */
public final class EnrolmentRefused extends Exception {
    private static final long serialVersionUID = 1L;
    /** No enrolment request with this id (404). */
    public static final String UNKNOWN = "ENROLMENT_UNKNOWN";
    /** The request was already approved or rejected (409). */
    public static final String ALREADY_DECIDED = "ENROLMENT_ALREADY_DECIDED";
    /** Too many requests wait for IT already, all sources together (429). */
    public static final String QUEUE_FULL = "ENROLMENT_QUEUE_FULL";
    /** Too many requests from this source address wait for IT already (429). */
    public static final String SOURCE_QUEUE_FULL = "ENROLMENT_SOURCE_QUEUE_FULL";
    /** This source address sent too many enrolment requests in the last minute (429, with Retry-After). */
    public static final String RATE_LIMITED = "ENROLMENT_RATE_LIMITED";
    /** No certificate of this kiosk to revoke (404). */
    public static final String DEVICE_UNKNOWN = "DEVICE_UNKNOWN";
    /** A request parameter is missing or malformed (400). */
    public static final String INVALID = "INVALID_PARAMETER";
    /** Why a waiting request was closed when IT (or a bootstrap token) approved another key for its kiosk id. */
    public static final String SUPERSEDED = "SUPERSEDED";

    private final int status;
    private final String code;
    private final transient Duration retryAfter;

    public EnrolmentRefused(int status, String code, String message) {
        this(status, code, message, null);
    }

    public EnrolmentRefused(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long to wait before asking again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

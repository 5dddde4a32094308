package fr.vigie.protocol.device;

/**
 * The enrolment routes of the device API, under {@code /enrol/v1/}: served to kiosks without a client
 * certificate (they are asking for one), over TLS with the site root pinned.
 *
 * <pre>
 * GET  /enrol/v1/ping            → 200 {@link PingAnswer}
 * POST /enrol/v1/requests        {@link EnrolmentRequest} → 201 {@link EnrolmentTicket} ISSUED | 202 PENDING;
 *                                refused 400 ENROLMENT_MALFORMED, CSR_…, 403 TOKEN_…, CSR_SUBJECT_MISMATCH,
 *                                429 ENROLMENT_RATE_LIMITED (Retry-After), ENROLMENT_SOURCE_QUEUE_FULL, ENROLMENT_QUEUE_FULL
 * GET  /enrol/v1/requests/{id}   → 200 {@link EnrolmentProgress}; 400 INVALID_PARAMETER, 404 ENROLMENT_UNKNOWN
 * GET  /enrol/v1/crl             → 200 the site CRL, PEM (also what a broker checks kiosk certificates with)
 * </pre>
 */
public final class EnrolmentApi {
    /** Which site the device API speaks for. */
    public static final DeviceRoute<Void, PingAnswer> PING = DeviceRoute.get("/enrol/v1/ping", PingAnswer.class,
            DeviceApiError.BAD_REQUEST);
    /** A kiosk asks for its certificate. */
    public static final DeviceRoute<EnrolmentRequest, EnrolmentTicket> SUBMIT = DeviceRoute.post("/enrol/v1/requests",
            EnrolmentRequest.class, EnrolmentTicket.class, 202, EnrolmentError.ENROLMENT_MALFORMED)
            .answeredWith(t -> t.status() == EnrolmentStatus.ISSUED ? 201 : 202);
    /** Where a request stands. */
    public static final DeviceRoute<Void, EnrolmentProgress> PROGRESS = DeviceRoute.get("/enrol/v1/requests/{id}",
            EnrolmentProgress.class, EnrolmentError.INVALID_PARAMETER);
    /** The site CRL, PEM. */
    public static final DeviceRoute<Void, String> SITE_CRL = DeviceRoute.getPem("/enrol/v1/crl");
    /** The rejection reason of a request closed because IT (or a bootstrap token) approved another key for its kiosk id. */
    public static final String SUPERSEDED = "SUPERSEDED";

    private EnrolmentApi() {
    }
}

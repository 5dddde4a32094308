package fr.vigie.protocol.device;

/**
 * Codes of the enrolment and certificate routes ({@link EnrolmentApi}, {@link CertificateApi}): the
 * request itself, the hub's limits, the bootstrap token and the CSR.
 */
public enum EnrolmentError implements DeviceError {
    /** The enrolment request is not the JSON of {@link EnrolmentRequest}. */
    ENROLMENT_MALFORMED(400),
    /** A request parameter (the enrolment id, the CSR field of a renewal) is missing or malformed. */
    INVALID_PARAMETER(400),
    /** No enrolment request has this id. */
    ENROLMENT_UNKNOWN(404),
    /** This source address sent too many enrolment requests in the last minute (with {@code Retry-After}). */
    ENROLMENT_RATE_LIMITED(429),
    /** Too many requests from this source address wait for IT already. */
    ENROLMENT_SOURCE_QUEUE_FULL(429),
    /** Too many requests wait for IT already, all sources together. */
    ENROLMENT_QUEUE_FULL(429),
    /** No bootstrap token with this id and secret. */
    TOKEN_UNKNOWN(403),
    /** The bootstrap token has expired. */
    TOKEN_EXPIRED(403),
    /** The bootstrap token was already used. */
    TOKEN_USED(403),
    /** The bootstrap token was issued for another kiosk. */
    TOKEN_WRONG_KIOSK(403),
    /** The CSR cannot be read. */
    CSR_MALFORMED(400),
    /** The CSR's signature does not verify with its key. */
    CSR_SIGNATURE_INVALID(400),
    /** The CSR's key is not an EC P-256 key. */
    CSR_KEY_NOT_P256(400),
    /** The CSR's subject names no kiosk. */
    CSR_SUBJECT_INVALID(400),
    /** The CSR or the request names another kiosk, or a kiosk of another site. */
    CSR_SUBJECT_MISMATCH(403),
    /** The enrolment code does not match the CSR's key. */
    ENROLMENT_CODE_MISMATCH(400);

    private final int status;

    EnrolmentError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

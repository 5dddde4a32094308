package fr.vigie.protocol.device;

/**
 * Codes any device-API route may answer: the listener's own (host, media type, JSON, unknown route,
 * hub failure), the check of the calling kiosk's certificate on {@code /device/v1/} routes, and the
 * codes the kiosk's client reports itself when the hub gave no usable answer (status 0).
 */
public enum DeviceApiError implements DeviceError {
    /** The {@code Host} header names none of the hub's names (DNS rebinding defence). */
    HOST_REFUSED(421),
    /** A body without {@code Content-Type: application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The body is not well-formed JSON (one value, nothing after it). */
    BAD_JSON(400),
    /** A form body that does not decode (the console's listener, which shares this gate; the device API takes JSON only). */
    BAD_FORM(400),
    /** The body or a path parameter is not what the route takes (fields, kinds, values). */
    BAD_REQUEST(400),
    /** The body is larger than the listener takes. */
    BODY_TOO_LARGE(413),
    /** No device-API route has this method and path. */
    NOT_FOUND(404),
    /** The hub failed to answer; nothing in the request is to blame. */
    INTERNAL_ERROR(500),
    /** A {@code /device/v1/} route was called without the kiosk's client certificate. */
    DEVICE_CERTIFICATE_REQUIRED(401),
    /** The presented certificate cannot be read. */
    CERT_MALFORMED(403),
    /** The certificate is past its end of validity. */
    CERT_EXPIRED(403),
    /** The certificate is not valid yet. */
    CERT_NOT_YET_VALID(403),
    /** The certificate was not issued by this site's CA. */
    CERT_FOREIGN_CA(403),
    /** The certificate chains to no trusted root. */
    CERT_UNTRUSTED_ISSUER(403),
    /** The certificate is revoked. */
    CERT_REVOKED(403),
    /** The certificate is not a client certificate. */
    CERT_WRONG_USAGE(403),
    /** The certificate's subject names no kiosk. */
    CERT_SUBJECT_INVALID(403),
    /** The certificate does not match the key that presented it. */
    CERT_KEY_MISMATCH(403),
    /** The certificate chain is broken. */
    CERT_CHAIN_INVALID(403),
    /** The hub's CRL is out of date: revocation cannot be checked. */
    CRL_STALE(403),
    /** The hub has no CRL to check revocation with. */
    CRL_MISSING(403),
    /** The hub's CRL is not signed by the site's CA. */
    CRL_INVALID(403),
    /** Client side: the hub could not be reached (connection, TLS, timeout). */
    HUB_UNREACHABLE(0),
    /** Client side: the hub's answer is not the JSON the contract describes. */
    HUB_ANSWER_MALFORMED(0),
    /** Client side: the kiosk's own certificate or key cannot be used (not enrolled yet, store damaged). */
    DEVICE_IDENTITY_UNUSABLE(0);

    private final int status;

    DeviceApiError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

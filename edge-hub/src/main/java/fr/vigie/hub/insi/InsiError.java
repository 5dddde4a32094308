package fr.vigie.hub.insi;

import fr.vigie.protocol.ErrorKind;

/**
 * Stable codes for INSi calls that did not give an identity. The UI, the audit log and the tests
 * speak of them by these names. Each code is either {@link ErrorKind#REJECTED} (the request or its
 * answer was refused for a reason a person can act on) or {@link ErrorKind#FAILED} (the service or the
 * transport did not work; trying later may help).
 */
public enum InsiError {
    /** The traits were refused locally by {@code StrictTraits}: no call was made. */
    INSI_TRAITS_REJECTED(ErrorKind.REJECTED),
    /** INSi answered 01: no identity matches. */
    INSI_NO_MATCH(ErrorKind.REJECTED),
    /** INSi answered 02: several identities match; add the birth place or the full list of first names. */
    INSI_SEVERAL_MATCHES(ErrorKind.REJECTED),
    /**
     * INSi answered {@code 00} with a matricule whose key does not verify. The answer is read as sent
     * (never corrected) and flagged with this code; admission does not attach it to a record.
     */
    INSI_KEY_NOT_VERIFIED(ErrorKind.REJECTED),
    /**
     * SOAP fault: the service refused the caller: software authorisation number unknown
     * ({@code desir_550}), certificate not allowed ({@code desir_560}: CN other than INSI-AUTO/INSI-MANU).
     * Never retried: IT must act.
     */
    INSI_FAULT_AUTHENTICATION(ErrorKind.REJECTED),
    /** SOAP fault with code Sender: the service found the request invalid. */
    INSI_FAULT_REQUEST_INVALID(ErrorKind.REJECTED),
    /** SOAP fault with code Receiver: the service failed to answer. */
    INSI_FAULT_SERVICE(ErrorKind.FAILED),
    /** A SOAP fault Vigie does not know how to read. */
    INSI_FAULT_UNKNOWN(ErrorKind.FAILED),
    /** The TLS handshake failed: the service refused our certificate or we refused its. */
    INSI_TLS_REFUSED(ErrorKind.FAILED),
    /**
     * The service could not be reached, kept answering with an HTTP error, or answered "temporarily
     * unavailable" ({@code siram_40}, {@code insi_102}), after the bounded retries.
     */
    INSI_UNAVAILABLE(ErrorKind.FAILED),
    /** The service did not answer within the call timeout. */
    INSI_TIMEOUT(ErrorKind.FAILED),
    /** The answer is not the SOAP document the contract describes (not XML, wrong shape, schema violation). */
    INSI_MALFORMED_RESPONSE(ErrorKind.FAILED),
    /** The answer is larger than the configured limit; it was not read further. */
    INSI_RESPONSE_TOO_LARGE(ErrorKind.FAILED),
    /** The XML carries a DTD or entity declarations, which Vigie never processes (XXE, entity expansion). */
    INSI_XML_FORBIDDEN(ErrorKind.FAILED);

    private final ErrorKind kind;

    InsiError(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}

package fr.vigie.protocol.device;

/**
 * Codes of the CIBA sign-in routes ({@link CibaApi}): the hub's own ({@code CIBA_}), and Pro Santé
 * Connect's outcomes ({@code PSC_}), answered 422 when PSC or a token refused and 502 when the exchange
 * with PSC did not happen. The same {@code PSC_} codes say why a sign-in ended in a
 * {@link CibaStatusAnswer} of phase {@code REFUSED} or {@code FAILED}.
 */
public enum CibaError implements DeviceError {
    /** The body is not the expected JSON, or a field is missing or malformed. */
    CIBA_REQUEST_INVALID(400),
    /** No such request for this kiosk (unknown, another kiosk's, or forgotten after it ended). */
    CIBA_REQUEST_UNKNOWN(404),
    /** The request is not bound (yet), so no exercice can be chosen. */
    CIBA_NOT_BOUND(409),
    /** The kiosk already has as many sign-ins awaiting approval as it may. */
    CIBA_TOO_MANY_REQUESTS(429),
    /** The hub has no Pro Santé Connect configuration. */
    CIBA_UNAVAILABLE(503),
    /** PSC's discovery document could not be read. */
    PSC_DISCOVERY_FAILED(502),
    /** PSC's discovery document names another issuer. */
    PSC_ISSUER_MISMATCH(422),
    /** PSC's discovery document lacks an endpoint. */
    PSC_ENDPOINT_MISSING(422),
    /** PSC could not be reached or answered a server error. */
    PSC_UNREACHABLE(502),
    /** PSC refused the hub's client credentials. */
    PSC_CLIENT_UNAUTHORIZED(422),
    /** PSC does not know the identifier, or refused the request. */
    PSC_REQUEST_REFUSED(422),
    /** The professional refused on the phone or card app. */
    PSC_ACCESS_DENIED(422),
    /** The request expired before approval. */
    PSC_REQUEST_EXPIRED(422),
    /** A code, refresh token or verifier was refused. */
    PSC_GRANT_INVALID(422),
    /** PSC answered something its protocol does not allow. */
    PSC_PROTOCOL_ERROR(422),
    /** A token is not signed with an allowed algorithm. */
    PSC_TOKEN_ALG_REJECTED(422),
    /** A token's signature does not verify. */
    PSC_TOKEN_SIGNATURE_INVALID(422),
    /** A token's issuer is not PSC. */
    PSC_TOKEN_ISSUER_INVALID(422),
    /** A token is not meant for the hub. */
    PSC_TOKEN_AUDIENCE_INVALID(422),
    /** A token has expired. */
    PSC_TOKEN_EXPIRED(422),
    /** A token's nonce is missing or wrong. */
    PSC_TOKEN_NONCE_INVALID(422),
    /** A token's nonce was already used. */
    PSC_TOKEN_NONCE_REPLAYED(422),
    /** A token's authentication level is not the one required. */
    PSC_TOKEN_ACR_INVALID(422),
    /** A token names no professional. */
    PSC_TOKEN_SUBJECT_MISSING(422),
    /** A token is not a well-formed JWT. */
    PSC_TOKEN_MALFORMED(422),
    /** PSC's userinfo is malformed or about someone else. */
    PSC_USERINFO_INVALID(422),
    /** PSC authenticated another professional than the one who opened the session. */
    PSC_SUBJECT_MISMATCH(422),
    /** The professional has no such exercice. */
    PSC_EXERCICE_UNKNOWN(422);

    private final int status;

    CibaError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

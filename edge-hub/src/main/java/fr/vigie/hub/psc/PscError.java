package fr.vigie.hub.psc;

import fr.vigie.protocol.ErrorKind;

/**
 * Stable codes for what can go wrong between the hub and Pro Santé Connect, shared by the UI,
 * the audit log and the tests. {@link ErrorKind#REJECTED} means PSC or a token said something wrong
 * or refused; {@link ErrorKind#FAILED} means the exchange itself did not happen.
 */
public enum PscError {
    /** The discovery document could not be read or is not valid JSON. */
    PSC_DISCOVERY_FAILED(ErrorKind.FAILED),
    /** The discovery document names another issuer than the one configured. */
    PSC_ISSUER_MISMATCH(ErrorKind.REJECTED),
    /** The discovery document lacks an endpoint the gateway needs. */
    PSC_ENDPOINT_MISSING(ErrorKind.REJECTED),
    /** PSC could not be reached or answered with a server error. */
    PSC_UNREACHABLE(ErrorKind.FAILED),
    /** PSC refused the client's credentials: {@code invalid_client}, or its certificate in the TLS handshake. */
    PSC_CLIENT_UNAUTHORIZED(ErrorKind.REJECTED),
    /** PSC does not know the {@code login_hint}, or refused the request as malformed. */
    PSC_REQUEST_REFUSED(ErrorKind.REJECTED),
    /** The professional refused the request on the phone or card app ({@code access_denied}). */
    PSC_ACCESS_DENIED(ErrorKind.REJECTED),
    /** The CIBA request expired before approval ({@code expired_token}). */
    PSC_REQUEST_EXPIRED(ErrorKind.REJECTED),
    /** The authorization code, refresh token or PKCE verifier was refused ({@code invalid_grant}). */
    PSC_GRANT_INVALID(ErrorKind.REJECTED),
    /** PSC answered something the protocol does not allow. */
    PSC_PROTOCOL_ERROR(ErrorKind.REJECTED),
    /** The token is not a JWS signed with RS256 or ES256 ({@code alg=none}, HS256, …). */
    PSC_TOKEN_ALG_REJECTED(ErrorKind.REJECTED),
    /** The token's signature does not verify with any of PSC's published keys. */
    PSC_TOKEN_SIGNATURE_INVALID(ErrorKind.REJECTED),
    /** The token's {@code iss} is not the configured issuer. */
    PSC_TOKEN_ISSUER_INVALID(ErrorKind.REJECTED),
    /** The token's {@code aud} does not contain the client id. */
    PSC_TOKEN_AUDIENCE_INVALID(ErrorKind.REJECTED),
    /** The token has expired, or was issued in the future, beyond the allowed clock skew. */
    PSC_TOKEN_EXPIRED(ErrorKind.REJECTED),
    /** The token's {@code nonce} is missing or not the one sent. */
    PSC_TOKEN_NONCE_INVALID(ErrorKind.REJECTED),
    /** The token's {@code nonce} was already accepted once. */
    PSC_TOKEN_NONCE_REPLAYED(ErrorKind.REJECTED),
    /** The token's {@code acr} is not {@code eidas1}. */
    PSC_TOKEN_ACR_INVALID(ErrorKind.REJECTED),
    /** The token has no usable {@code SubjectNameID} (idNat_PS). */
    PSC_TOKEN_SUBJECT_MISSING(ErrorKind.REJECTED),
    /** The token is not a well-formed JWT. */
    PSC_TOKEN_MALFORMED(ErrorKind.REJECTED),
    /** The userinfo answer is malformed, unsigned when it should be, or about another subject. */
    PSC_USERINFO_INVALID(ErrorKind.REJECTED),
    /** The tokens' {@code SubjectNameID} is not the idNat_PS that opened the session. */
    PSC_SUBJECT_MISMATCH(ErrorKind.REJECTED),
    /** The professional has no exercice matching the choice. */
    PSC_EXERCICE_UNKNOWN(ErrorKind.REJECTED);

    private final ErrorKind kind;

    PscError(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}

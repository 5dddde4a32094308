package fr.vigie.hub.admission;

/**
 * Stable codes of ApCV tokens the hub refuses. Every one but {@link #APCV_NOT_CONFIGURED} and
 * {@link #APCV_KEYS_UNAVAILABLE} (the hub cannot check ApCV tokens now) is a rejection: the token shown
 * is not accepted, and the patient may show a fresh one or be admitted another way (Vitale, traits).
 */
public enum ApcvError {
    /** Not {@code APCV1.} followed by a compact JWS, or its header or claims are not JSON. */
    APCV_MALFORMED,
    /** The JWS algorithm is not ES256 (e.g. {@code none}, HS256, RS256): refused before any key is used. */
    APCV_ALG_REFUSED,
    /** The {@code kid} names no trusted ApCV key. */
    APCV_UNKNOWN_KEY,
    /** The signature does not verify with the trusted key: forged or altered. */
    APCV_SIGNATURE_INVALID,
    /** The issuer ({@code iss}) is not the configured ApCV issuer. */
    APCV_WRONG_ISSUER,
    /** The token is not meant for this site ({@code aud}). */
    APCV_WRONG_AUDIENCE,
    /** The token has expired ({@code exp}, with the allowed clock skew). */
    APCV_EXPIRED,
    /** The token is issued in the future ({@code iat} beyond the allowed clock skew). */
    APCV_NOT_YET_VALID,
    /** {@code exp} − {@code iat} exceeds the longest lifetime accepted: not a short-lived token. */
    APCV_LIFETIME_TOO_LONG,
    /** The token was already used once ({@code jti} seen before). */
    APCV_REPLAYED,
    /** The identity in the token (INS matricule, OID or traits) is missing or invalid. */
    APCV_IDENTITY_INVALID,
    /** No ApCV key is configured on this hub: ApCV admission is off. */
    APCV_NOT_CONFIGURED,
    /** The issuer's keys ({@code hub.apcv.keys-url}) cannot be fetched now: try again later or admit another way. */
    APCV_KEYS_UNAVAILABLE
}

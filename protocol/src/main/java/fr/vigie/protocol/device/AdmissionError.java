package fr.vigie.protocol.device;

/**
 * Codes of the admission routes ({@link AdmissionApi}), with their HTTP status: INSi outcomes
 * ({@code INSI_}), ApCV token refusals ({@code APCV_}), RNIV refusals ({@code RNIV_}, the names of
 * {@link fr.vigie.protocol.identity.RnivError}), the identity registry's refusals, and the two answers the
 * hub did not apply to a record (with both identities in {@link Refusal#comparison()}). The agent's codes
 * are {@link AgentError}s; a body that is not the route's JSON is {@link DeviceApiError#BAD_REQUEST}.
 */
public enum AdmissionError implements DeviceError {
    /** The traits were refused before INSi was called; {@link Refusal#rejections()} says which and why. */
    INSI_TRAITS_REJECTED(400),
    /** INSi answered 01: no identity matches. */
    INSI_NO_MATCH(422),
    /** INSi answered 02: several identities match; ask for the birth place. */
    INSI_SEVERAL_MATCHES(422),
    /** INSi answered an INS whose key does not verify: nothing changed, the identity-vigilance cell looks at it. */
    INSI_KEY_NOT_VERIFIED(422),
    /** INSi refused the site's access (certificate or software authorisation): IT must act. */
    INSI_FAULT_AUTHENTICATION(422),
    /** INSi found the request invalid. */
    INSI_FAULT_REQUEST_INVALID(422),
    /** INSi failed to answer. */
    INSI_FAULT_SERVICE(503),
    /** INSi answered a fault the hub does not know. */
    INSI_FAULT_UNKNOWN(503),
    /** The TLS handshake with INSi failed. */
    INSI_TLS_REFUSED(503),
    /** INSi could not be reached or is temporarily unavailable. */
    INSI_UNAVAILABLE(503),
    /** INSi did not answer in time. */
    INSI_TIMEOUT(503),
    /** INSi's answer is not the document its contract describes. */
    INSI_MALFORMED_RESPONSE(503),
    /** INSi's answer is larger than the hub reads. */
    INSI_RESPONSE_TOO_LARGE(503),
    /** INSi's answer carries a DTD or entities, which the hub never processes. */
    INSI_XML_FORBIDDEN(503),
    /** The scanned text is not an ApCV token. */
    APCV_MALFORMED(400),
    /** The token's signature algorithm is not the one allowed. */
    APCV_ALG_REFUSED(400),
    /** The token names no trusted key. */
    APCV_UNKNOWN_KEY(400),
    /** The token's signature does not verify: forged or altered. */
    APCV_SIGNATURE_INVALID(400),
    /** The token's issuer is not the ApCV issuer. */
    APCV_WRONG_ISSUER(400),
    /** The token is meant for another site. */
    APCV_WRONG_AUDIENCE(400),
    /** The token has expired. */
    APCV_EXPIRED(400),
    /** The token is issued in the future. */
    APCV_NOT_YET_VALID(400),
    /** The token lives longer than an ApCV token may. */
    APCV_LIFETIME_TOO_LONG(400),
    /** The token was already used once. */
    APCV_REPLAYED(409),
    /** The identity in the token is missing or invalid. */
    APCV_IDENTITY_INVALID(400),
    /** ApCV admission is not configured on this hub. */
    APCV_NOT_CONFIGURED(503),
    /** The ApCV issuer's keys cannot be fetched now: try again later or admit another way. */
    APCV_KEYS_UNAVAILABLE(503),
    /** The step makes no sense from the record's RNIV status. */
    RNIV_FORBIDDEN_TRANSITION(409),
    /** The identity is doubtful or fictitious: it stays provisional. */
    RNIV_DOUBTFUL_STAYS_PROV(409),
    /** The identity is doubtful or fictitious: INSi must not be called for it. */
    RNIV_INSI_NOT_ALLOWED(409),
    /** The step needs an INS and the record has none. */
    RNIV_NO_INS(409),
    /** The attribute to clear is not set. */
    RNIV_ATTRIBUTE_NOT_SET(409),
    /** The record's status and attributes cannot coexist. */
    RNIV_INCONSISTENT_STATE(409),
    /** The document named is not a high-trust identity document (e.g. the Vitale card). */
    RNIV_NOT_A_HIGH_TRUST_DOCUMENT(400),
    /** The RNIV action is unknown or incomplete. */
    RNIV_BAD_ACTION(400),
    /** No identity record has this id. */
    IDENTITY_NOT_FOUND(404),
    /** The record was merged into another by the identity-vigilance cell; the message names the one to use. */
    IDENTITY_MERGED(409),
    /** The registry refused the traits. */
    TRAITS_REJECTED(400),
    /** The registry refused the matricule or OID. */
    INS_REJECTED(400),
    /** The step brings an INS and none was given. */
    INS_REQUIRED(400),
    /** The operator who acts was not named. */
    OPERATOR_REQUIRED(400),
    /** A request named its own operator. */
    OPERATOR_IN_BODY_REFUSED(400),
    /** The step would set an INS without its evidence. */
    EVIDENCE_REQUIRED(400),
    /** No change request has this id. */
    CHANGE_REQUEST_NOT_FOUND(404),
    /** The change request is already decided. */
    CHANGE_REQUEST_CLOSED(409),
    /** The record changed since the change request was made. */
    CHANGE_REQUEST_STALE(409),
    /** A note is longer than allowed. */
    NOTE_TOO_LONG(400),
    /** The answer is another person than the record's: nothing changed, the identity-vigilance cell was told. */
    IDENTITY_MISMATCH(409),
    /** The answer would change a validated or qualified record: nothing changed, the cell decides. */
    IDENTITY_CHANGE_REQUESTED(409);

    private final int status;

    AdmissionError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

package fr.vigie.hub.identity;

/** Stable codes of requests the registry rejects, besides the RNIV codes of {@link fr.vigie.protocol.identity.RnivError}. */
public enum RegistryError {
    /** No record has this id. */
    IDENTITY_NOT_FOUND,
    /** The traits were rejected; the message lists the traits and their IdentityError codes. */
    TRAITS_REJECTED,
    /** The matricule or OID was rejected (IdentityError code in the message). */
    INS_REJECTED,
    /** The action brings an INS (INSI_RETRIEVED, APCV_QUALIFIED) and none was given. */
    INS_REQUIRED,
    /** The operator who acts was not named. */
    OPERATOR_REQUIRED,
    /**
     * A request named its own operator: who acts is the signed-in staff account (REST) or the proven agent
     * (device API), never a field of the request.
     */
    OPERATOR_IN_BODY_REFUSED,
    /**
     * The action would set or confirm an INS without its evidence ({@code INSI_RETRIEVED}, {@code INSI_VERIFIED},
     * {@code APCV_QUALIFIED}, or a matricule given with another action): an INS comes only from the hub's own
     * INSi call or a verified ApCV token, at an admission desk.
     */
    EVIDENCE_REQUIRED,
    /** No change request has this id. */
    CHANGE_REQUEST_NOT_FOUND,
    /** The change request was already accepted or refused. */
    CHANGE_REQUEST_CLOSED,
    /** The record changed since the change request was made: it cannot take it any more (refuse it). */
    CHANGE_REQUEST_STALE,
    /** The note given with a decision is longer than 500 characters. */
    NOTE_TOO_LONG,
    /**
     * The record was merged into another by the identity-vigilance cell: it is inactive and changes no more (the
     * message names the record that replaced it).
     */
    IDENTITY_MERGED,
    /** No vigilance flag has this id. */
    FLAG_NOT_FOUND,
    /** The vigilance flag was already resolved. */
    FLAG_CLOSED,
    /**
     * Only a probable duplicate ({@code DOUB}) between two records is merged: a collision (two people under one
     * identity) never is.
     */
    MERGE_NOT_A_DUPLICATE,
    /** The record to keep is not one of the flag's two records. */
    MERGE_SURVIVOR_NOT_IN_FLAG,
    /** The two records hold different INS: maybe two people; a person must look at their INS history first. */
    MERGE_INS_DIFFER,
    /**
     * The record to keep has less evidence than the one it would absorb (no INS, or an RNIV axis the other has):
     * keep the other, or bring this one up first (INSi, document check).
     */
    MERGE_SURVIVOR_WEAKER
}

package fr.vigie.protocol.identity;

/**
 * Stable codes for RNIV actions that the hub's RNIV lifecycle ({@code fr.vigie.hub.identity.rniv}) refuses,
 * and for bad RNIV input ({@link HighTrustDocument#parse}): they travel to the kiosk in the hub's answers.
 */
public enum RnivError {
    /** The action makes no sense from this status (e.g. INSi retrieval when the INS is already retrieved). */
    RNIV_FORBIDDEN_TRANSITION,
    /** The identity is DOUT or FICT: it stays PROV, no document check or ApCV qualification applies. */
    RNIV_DOUBTFUL_STAYS_PROV,
    /** The identity is DOUT or FICT: INSi must not be called for it. */
    RNIV_INSI_NOT_ALLOWED,
    /** The action needs an INS obtained through INSi or the ApCV, and the status has none (PROV, VALI). */
    RNIV_NO_INS,
    /** The attribute to clear is not set. */
    RNIV_ATTRIBUTE_NOT_SET,
    /** A status and attributes that cannot coexist, e.g. DOUT on a QUAL identity. */
    RNIV_INCONSISTENT_STATE,
    /** The document named is not a high-trust document (e.g. the Vitale card). */
    RNIV_NOT_A_HIGH_TRUST_DOCUMENT,
    /** The action name is unknown or lacks its document or attribute. */
    RNIV_BAD_ACTION
}

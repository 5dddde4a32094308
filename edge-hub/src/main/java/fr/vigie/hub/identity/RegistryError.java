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
    OPERATOR_REQUIRED
}

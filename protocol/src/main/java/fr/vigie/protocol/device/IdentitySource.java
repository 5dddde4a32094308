package fr.vigie.protocol.device;

/** How an admission step obtained the identity it answers, or compares. */
public enum IdentitySource {
    /** INSi, with a beneficiary read from a Vitale card. */
    VITALE,
    /** INSi, with typed strict traits. */
    TRAITS,
    /** A carte Vitale app token (ApCV). */
    APCV,
    /** The agent checked a high-trust identity document. */
    DOCUMENT
}

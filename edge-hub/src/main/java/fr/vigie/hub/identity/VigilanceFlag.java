package fr.vigie.hub.identity;

import java.time.Instant;

/**
 * A pair of identity records raised for the identity-vigilance cell. {@code recordA < recordB}.
 * Immutable.
 *
 * @param reasonCode why the pair was raised, as a stable code the console translates
 * @param reason the details in words (which criteria of the rule held); no matricule, no trait values
 */
public record VigilanceFlag(long flagId, long recordA, long recordB, Kind kind, Reason reasonCode, String reason,
        Instant detectedAt, boolean resolved) {

    /** Stable reason codes. */
    public enum Reason {
        /** Near-identical traits by the duplicate rule. */
        NEAR_IDENTICAL_TRAITS,
        /** Same INS and near-identical traits. */
        SAME_INS_NEAR_IDENTICAL_TRAITS,
        /** Same INS, traits that differ. */
        SAME_INS_DIFFERENT_TRAITS
    }

    /** Anomaly codes of identity-vigilance cells (DOMAIN §3). */
    public enum Kind {
        /** Probable duplicate: one person, two records (near-identical traits, or one INS and matching traits). */
        DOUB,
        /** Possible collision: one INS on two records whose traits differ, maybe two people under one identity. */
        COLP,
        /** Collision verified by the cell (set by a person, never by detection). */
        COLV
    }
}

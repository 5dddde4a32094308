package fr.vigie.hub.identity;

import java.time.Instant;

/**
 * A pair of identity records raised for the identity-vigilance cell. {@code recordA < recordB}.
 * Immutable.
 *
 * @param reason why the pair was raised, in words; holds no matricule and no trait values
 */
public record VigilanceFlag(long flagId, long recordA, long recordB, Kind kind, String reason, Instant detectedAt,
        boolean resolved) {

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

package fr.vigie.hub.identity;

import java.time.Instant;

/**
 * A pair of identity records, or one record, raised for the identity-vigilance cell. For a pair,
 * {@code recordA < recordB}; a flag on one record ({@link Reason#IDENTITY_MISMATCH} when no other record
 * holds the INS returned) has no {@code recordB}. Immutable.
 *
 * @param recordB the other record of the pair, or {@code null} for a flag on {@code recordA} alone
 * @param reasonCode why the pair was raised, as a stable code the console translates
 * @param reason the details in words (which criteria of the rule held); no matricule, no trait values
 */
public record VigilanceFlag(long flagId, long recordA, Long recordB, Kind kind, Reason reasonCode, String reason,
        Instant detectedAt, boolean resolved) {

    /** Stable reason codes. */
    public enum Reason {
        /** Near-identical traits by the duplicate rule. */
        NEAR_IDENTICAL_TRAITS,
        /** Same INS and near-identical traits. */
        SAME_INS_NEAR_IDENTICAL_TRAITS,
        /** Same INS, traits that differ. */
        SAME_INS_DIFFERENT_TRAITS,
        /**
         * INSi or the ApCV answered, for this record, an identity that is not its person by the
         * {@link SamePerson} rule: nothing was changed. With {@code recordB}, the record that holds the INS
         * returned.
         */
        IDENTITY_MISMATCH
    }

    /** Anomaly codes of identity-vigilance cells (DOMAIN §3). */
    public enum Kind {
        /** Probable duplicate: one person, two records (near-identical traits, or one INS and matching traits). */
        DOUB,
        /**
         * Possible collision: one INS on two records whose traits differ, or an answer that would have put
         * another person's identity on a record; maybe two people under one identity.
         */
        COLP,
        /** Collision verified by the cell (set by a person, never by detection). */
        COLV
    }
}

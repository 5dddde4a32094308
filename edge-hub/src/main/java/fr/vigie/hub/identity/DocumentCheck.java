package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.HighTrustDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * A high-trust document checked against a record's traits: the evidence of its C axis (VALI, QUAL).
 * Immutable.
 *
 * @param document which document
 * @param checkedBy who checked it: the agent's idNat_PS proven at a kiosk, or {@code staff:<login>}
 * @param checkedAt when
 */
public record DocumentCheck(HighTrustDocument document, String checkedBy, Instant checkedAt) {
    public DocumentCheck {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(checkedBy, "checkedBy");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}

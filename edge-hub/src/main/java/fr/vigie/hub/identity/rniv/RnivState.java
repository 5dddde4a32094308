package fr.vigie.hub.identity.rniv;

import fr.vigie.protocol.identity.RnivError;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * An identity's RNIV status together with its attributes. Always consistent: DOUT or FICT only with
 * {@link RnivStatus#PROV} ({@link #of} rejects anything else). Immutable.
 */
public record RnivState(RnivStatus status, Set<IdentityAttribute> attributes) {

    public RnivState {
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
        if (status != RnivStatus.PROV && attributes.stream().anyMatch(IdentityAttribute::blocksQualification)) {
            throw new IllegalArgumentException("a DOUT or FICT identity is PROV, not " + status);
        }
    }

    /** A checked state; an inconsistent pair (read from storage, say) is rejected with a code. */
    public static RnivState of(RnivStatus status, Set<IdentityAttribute> attributes) throws RnivException {
        try {
            return new RnivState(status, attributes);
        } catch (IllegalArgumentException e) {
            throw new RnivException(RnivError.RNIV_INCONSISTENT_STATE, e.getMessage());
        }
    }

    /** A new identity: PROV, no attribute. */
    public static RnivState initial() {
        return new RnivState(RnivStatus.PROV, Set.of());
    }

    /** Whether DOUT or FICT is set. */
    public boolean doubtfulOrFictitious() {
        return attributes.stream().anyMatch(IdentityAttribute::blocksQualification);
    }

    /** Same as {@link RnivTransitions#mayCallInsi(RnivStatus, Set)} for this state. */
    public boolean mayCallInsi() {
        return RnivTransitions.mayCallInsi(status, attributes);
    }
}

package fr.vigie.hub.admission;

import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Both identities side by side, for the agent, when an answer was not applied to a record:
 * {@code IDENTITY_MISMATCH} (another person by the same-person rule; a flag went to the identity-vigilance
 * cell) or {@code IDENTITY_CHANGE_REQUESTED} (the same person, but the record is VALI or QUAL: an admin
 * decides). Nothing was changed in either case. Immutable; {@link #toString()} shows ids only.
 *
 * @param source where the returned identity came from
 * @param recordId the record the answer was for
 * @param recordStatus its status (unchanged)
 * @param local the record's traits
 * @param returned the traits returned
 * @param returnedInsMasked the INS returned, masked
 * @param differences the strict traits that differ
 * @param flagId the vigilance flag raised now, for a mismatch (empty when the same one was already open)
 * @param changeRequestId the change request, for {@code IDENTITY_CHANGE_REQUESTED}
 */
public record IdentityComparison(IdentitySource source, long recordId, RnivStatus recordStatus,
        StrictTraits local, StrictTraits returned, String returnedInsMasked, List<TraitDifference> differences,
        Optional<Long> flagId, Optional<Long> changeRequestId) {
    public IdentityComparison {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordStatus, "recordStatus");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(returnedInsMasked, "returnedInsMasked");
        differences = List.copyOf(differences);
    }

    @Override
    public String toString() {
        return "IdentityComparison[record " + recordId + ", " + source + "]";
    }
}

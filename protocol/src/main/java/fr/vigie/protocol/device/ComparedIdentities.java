package fr.vigie.protocol.device;

import fr.vigie.protocol.identity.RnivStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record's identity and the one returned, side by side, in the {@link Refusal} of an answer the hub
 * did not apply ({@code IDENTITY_MISMATCH}: another person, the identity-vigilance cell was told;
 * {@code IDENTITY_CHANGE_REQUESTED}: a validated or qualified record an admin must decide on). Nothing was
 * changed. Immutable.
 *
 * @param source who returned the identity ({@code TRAITS}, {@code VITALE} or {@code APCV})
 * @param recordId the record the answer was for
 * @param recordStatus its status (unchanged)
 * @param flagId the vigilance flag raised, for a mismatch
 * @param changeRequestId the change request opened, for a change to decide
 */
public record ComparedIdentities(IdentitySource source, long recordId, RnivStatus recordStatus, ComparedTraits local,
        ComparedTraits returned, List<DifferingTrait> differences, Optional<Long> flagId,
        Optional<Long> changeRequestId) {

    public ComparedIdentities {
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(recordStatus, "recordStatus is required");
        Objects.requireNonNull(local, "local is required");
        Objects.requireNonNull(returned, "returned is required");
        differences = Fields.list("differences", differences);
        flagId = Fields.optional(flagId);
        changeRequestId = Fields.optional(changeRequestId);
    }
}

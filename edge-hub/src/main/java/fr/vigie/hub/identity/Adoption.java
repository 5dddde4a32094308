package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.StrictTraits;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link IdentityRegistry#adopt} did with an identity INSi or the ApCV returned for a record.
 * Immutable.
 *
 * <pre>{@code
 * switch (registry.adopt(target, returnedTraits, request)) {
 *     case Adoption.Adopted a -> show(a.saved().record());
 *     case Adoption.Mismatch m -> showSideBySide(m.record().traits(), m.returned()); // nothing changed
 *     case Adoption.ChangeRequested r -> tell("sent to the identity-vigilance cell: request " + r.request().requestId());
 * }
 * }</pre>
 */
public sealed interface Adoption {

    /** The record (given, or made for the answer) took the identity returned. */
    record Adopted(Saved saved) implements Adoption {
        public Adopted {
            Objects.requireNonNull(saved, "saved");
        }
    }

    /**
     * The answer is another person than the record's by the {@link SamePerson} rule: the record was not
     * changed, and a flag went to the identity-vigilance cell.
     *
     * @param record the record, unchanged
     * @param returned the strict traits returned
     * @param returnedIns the INS returned (sensitive: show it masked)
     * @param verdict which criteria failed
     * @param flagsRaised the flag raised ({@code COLP}, {@code IDENTITY_MISMATCH}); empty when the same one was
     *     already open
     */
    record Mismatch(IdentityRecord record, StrictTraits returned, InsMatricule returnedIns, SamePerson.Verdict verdict,
            List<VigilanceFlag> flagsRaised) implements Adoption {
        public Mismatch {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(returned, "returned");
            Objects.requireNonNull(returnedIns, "returnedIns");
            Objects.requireNonNull(verdict, "verdict");
            flagsRaised = List.copyOf(flagsRaised);
        }

        /** The flag the cell sees for this answer, when one was raised now. */
        public Optional<VigilanceFlag> flag() {
            return flagsRaised.stream().findFirst();
        }
    }

    /**
     * The record is VALI or QUAL and the answer, the same person, would change its traits or its INS: the
     * record was not changed; the change waits for an admin's decision.
     *
     * @param record the record, unchanged
     * @param request the open change request (an identical open one is reused)
     */
    record ChangeRequested(IdentityRecord record, ChangeRequest request) implements Adoption {
        public ChangeRequested {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(request, "request");
        }
    }
}

package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change that an INSi or ApCV answer would make to a VALI or QUAL record: the same person by the
 * {@link SamePerson} rule, but other strict traits or another INS. Admission never applies it; an admin
 * accepts or refuses it ({@link IdentityRegistry#acceptChange}, {@link IdentityRegistry#refuseChange}),
 * and both are audited. Immutable; {@link #toString()} shows ids and status only.
 *
 * @param requestId its id
 * @param recordId the record it would change
 * @param source where the proposed identity came from
 * @param proposed the strict traits returned (nom and prénom utilisés are the record's, never proposed)
 * @param matricule the INS returned (sensitive: never log it)
 * @param oid its OID
 * @param history older INS returned with it ({@code INSHISTO})
 * @param baseUpdatedAt the record's {@code updatedAt} when the request was made; a record changed since
 *     cannot take it
 * @param status open, accepted or refused
 * @param requestedBy who asked (the agent's idNat_PS)
 * @param resolvedBy who decided ({@code staff:<login>}), when decided
 * @param note the reason given with a refusal, when one was
 */
public record ChangeRequest(long requestId, long recordId, Source source, StrictTraits proposed, InsMatricule matricule,
        InsOid oid, List<RnivRequest.PastIns> history, Instant baseUpdatedAt, Status status, String requestedBy,
        Instant requestedAt, Optional<String> resolvedBy, Optional<Instant> resolvedAt, Optional<String> note) {

    /** Where the proposed identity came from. */
    public enum Source { INSI, APCV }

    /** Where the request stands. */
    public enum Status { OPEN, ACCEPTED, REFUSED }

    public ChangeRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
        history = List.copyOf(history);
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
        return "ChangeRequest[" + requestId + ", record " + recordId + ", " + status + "]";
    }
}

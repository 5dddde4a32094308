package fr.vigie.hub.psc;

import fr.vigie.protocol.identity.IdNatPs;
import java.time.Clock;
import java.util.Optional;

/**
 * Attaches PSC tokens to a kiosk session only when their {@code SubjectNameID} is the idNat_PS
 * of the card that opened it (or of the identifier the clinician chose for e-CPS). Anything else
 * is refused with {@link PscError#PSC_SUBJECT_MISMATCH} — the real incident of a practitioner
 * seeing another's mailbox after a card swap is exactly that. Every decision is audited.
 * Thread-safe.
 *
 * <pre>{@code
 * switch (guard.bind(sessionId, cardHolder, tokens)) {
 *     case Binding.Bound b -> session.attach(b.tokens());
 *     case Binding.Refused r -> session.refuse(r.reason());
 * }
 * }</pre>
 */
public final class SessionBindingGuard {
    private final PscAuditSink audit;
    private final Clock clock;

    /** The guard's decision. */
    public sealed interface Binding {
        /** The tokens belong to the session's professional. */
        record Bound(PscTokens tokens) implements Binding { }

        /** The tokens belong to someone else; {@code message} says who was expected (no token in it). */
        record Refused(PscError reason, String message) implements Binding { }
    }

    public SessionBindingGuard(PscAuditSink audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Decides whether {@code tokens} may attach to session {@code sessionId} opened by {@code expected}. */
    public Binding bind(String sessionId, IdNatPs expected, PscTokens tokens) {
        IdNatPs presented = tokens.claims().subjectNameId();
        if (expected.equals(presented)) {
            audit.record(new PscAuditRecord(clock.instant(), sessionId, expected.value(), presented.value(), "BOUND",
                    Optional.empty()));
            return new Binding.Bound(tokens);
        }
        audit.record(new PscAuditRecord(clock.instant(), sessionId, expected.value(), presented.value(), "REFUSED",
                Optional.of(PscError.PSC_SUBJECT_MISMATCH)));
        return new Binding.Refused(PscError.PSC_SUBJECT_MISMATCH, "session " + sessionId + " was opened by "
                + expected + " but PSC authenticated " + presented);
    }
}

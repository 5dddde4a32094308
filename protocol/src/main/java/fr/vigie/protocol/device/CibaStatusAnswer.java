package fr.vigie.protocol.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CibaApi#STATUS}: where a sign-in stands, as the kiosk may see it, never a token.
 * Which fields are present depends on the phase, and nothing else is:
 * <pre>
 * PENDING  {status, bindingMessage, expiresAt}
 * BOUND    {status, who, exercices, chosen?, expiresAt}   (expiresAt: when the access token expires)
 * REFUSED  {status, code}                                 (a PSC_ code of {@link CibaError})
 * FAILED   {status, code}
 * </pre>
 * Build one with {@link #pending}, {@link #bound}, {@link #refused} or {@link #failed}. Immutable.
 *
 * @param chosen the index of the exercice the clinician chose (or the only one), when chosen
 */
public record CibaStatusAnswer(CibaPhase status, Optional<String> bindingMessage, Optional<Professional> who,
        Optional<List<Exercice>> exercices, Optional<Integer> chosen, Optional<Instant> expiresAt,
        Optional<CibaError> code) {

    public CibaStatusAnswer {
        Objects.requireNonNull(status, "status is required");
        bindingMessage = Fields.optional(bindingMessage);
        who = Fields.optional(who);
        exercices = Fields.optional(exercices).map(List::copyOf);
        chosen = Fields.optional(chosen);
        expiresAt = Fields.optional(expiresAt);
        code = Fields.optional(code);
        boolean pending = status == CibaPhase.PENDING;
        boolean bound = status == CibaPhase.BOUND;
        boolean ended = !pending && !bound;
        expect("bindingMessage", bindingMessage.isPresent(), pending, status);
        expect("who", who.isPresent(), bound, status);
        expect("exercices", exercices.isPresent(), bound, status);
        if (chosen.isPresent() && !bound) {
            throw new IllegalArgumentException("chosen is only part of a BOUND status, not " + status);
        }
        expect("expiresAt", expiresAt.isPresent(), !ended, status);
        expect("code", code.isPresent(), ended, status);
    }

    /** Waiting for approval; the kiosk shows {@code bindingMessage}. */
    public static CibaStatusAnswer pending(String bindingMessage, Instant expiresAt) {
        return new CibaStatusAnswer(CibaPhase.PENDING, Optional.of(bindingMessage), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(expiresAt), Optional.empty());
    }

    /** Approved and bound to the session. */
    public static CibaStatusAnswer bound(Professional who, List<Exercice> exercices, Optional<Integer> chosen,
            Instant expiresAt) {
        return new CibaStatusAnswer(CibaPhase.BOUND, Optional.empty(), Optional.of(who), Optional.of(exercices),
                chosen, Optional.of(expiresAt), Optional.empty());
    }

    /** Refused, with PSC's or the binding guard's code. */
    public static CibaStatusAnswer refused(CibaError code) {
        return ended(CibaPhase.REFUSED, code);
    }

    /** Failed: the exchange with PSC could not happen. */
    public static CibaStatusAnswer failed(CibaError code) {
        return ended(CibaPhase.FAILED, code);
    }

    private static CibaStatusAnswer ended(CibaPhase phase, CibaError code) {
        return new CibaStatusAnswer(phase, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(code));
    }

    private static void expect(String field, boolean present, boolean wanted, CibaPhase status) {
        if (present != wanted) {
            throw new IllegalArgumentException(field + (wanted ? " is required" : " is not part") + " of a "
                    + status + " status");
        }
    }
}

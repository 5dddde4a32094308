package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typed-traits search: the traits are checked with {@link StrictTraits} first (a forbidden
 * character such as Æ or Œ is refused locally and INSi is not called), then INSi is asked with the
 * premier prénom, then, when the person has several first names, with the full list; the search
 * stops at the first {@code 00} (also when that answer's key does not verify: it is INSi's answer). When no step gave {@code 00}, the outcome is {@code 02} if any step
 * found several identities (the agent should add the birth place), else {@code 01}. Thread-safe.
 *
 * <pre>{@code
 * InsiSearch.Outcome o = new InsiSearch(insi, clock).search(caller, typedTraits);
 * if (o.result() instanceof InsiResult.OneIdentity one) { ... }
 * }</pre>
 */
public final class InsiSearch {

    /**
     * Which query an INSi call made: traits with the premier prénom only, traits with the full list of
     * first names, or the Vitale card's beneficiary (no first name: {@code rechercherInsAvecCarteVitale}).
     * The audit keeps it with every call; the admission answer says which one matched.
     */
    public enum PrenomSent { PREMIER_PRENOM, FULL_LIST, VITALE }

    /**
     * One INSi call of the search.
     *
     * @param sent which first names were sent
     * @param codeCr what INSi answered
     */
    public record Step(PrenomSent sent, String codeCr) {
    }

    /**
     * The search's outcome.
     *
     * @param result the first {@code 00}, else {@code 02} if any step gave it, else {@code 01}
     * @param steps the calls made, in order
     */
    public record Outcome(InsiResult result, List<Step> steps) {
        public Outcome {
            Objects.requireNonNull(result, "result");
            steps = List.copyOf(steps);
        }
    }

    private final InsiClient client;
    private final Clock clock;
    private final InsiAudit audit;

    /** A search whose local refusals are not audited (the client audits every call it makes). */
    public InsiSearch(InsiClient client, Clock clock) {
        this(client, clock, entry -> { });
    }

    /** A search that also audits traits refused locally, with 0 attempts and {@code INSI_TRAITS_REJECTED}. */
    public InsiSearch(InsiClient client, Clock clock, InsiAudit audit) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Checks the typed traits, then searches.
     *
     * @throws InsiException {@link InsiError#INSI_TRAITS_REJECTED} with every reason when the traits
     *     are refused (no call is made), or the error of a failed call
     */
    public Outcome search(InsiCaller caller, TraitsInput typed) throws InsiException {
        TraitsVerdict verdict = StrictTraits.check(typed, LocalDate.now(clock));
        if (!verdict.accepted()) {
            audit.record(InsiAuditEntry.refusedLocally(clock.instant(), caller, InsiOperation.RECHERCHER_AVEC_TRAITS,
                    InsiError.INSI_TRAITS_REJECTED));
            throw new InsiException(InsiError.INSI_TRAITS_REJECTED, "the traits were refused before calling INSi: "
                    + verdict.rejections());
        }
        return search(caller, verdict.traits().orElseThrow());
    }

    /** Searches with traits already checked. */
    public Outcome search(InsiCaller caller, StrictTraits traits) throws InsiException {
        List<Step> steps = new ArrayList<>();
        InsiResult result = client.rechercherAvecTraits(caller, TraitsQuery.premierPrenom(traits));
        steps.add(new Step(PrenomSent.PREMIER_PRENOM, result.codeCr()));
        if (result.foundOne() || traits.listePrenom().size() < 2) {
            return new Outcome(result, steps);
        }
        InsiResult full = client.rechercherAvecTraits(caller, TraitsQuery.fullList(traits));
        steps.add(new Step(PrenomSent.FULL_LIST, full.codeCr()));
        if (full.foundOne()) {
            return new Outcome(full, steps);
        }
        boolean several = result instanceof InsiResult.SeveralIdentities || full instanceof InsiResult.SeveralIdentities;
        return new Outcome(several ? new InsiResult.SeveralIdentities() : new InsiResult.NoIdentity(), steps);
    }
}

package fr.vigie.hub.identity;

import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivAction;
import fr.vigie.protocol.identity.RnivAction.Kind;
import fr.vigie.protocol.identity.RnivError;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivState;
import fr.vigie.protocol.identity.RnivTransitions;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity registry: creates and updates local identity records, applies RNIV actions through
 * {@link RnivTransitions} inside a transaction that holds the record ({@code SELECT … FOR UPDATE}),
 * and on every save looks for duplicates and collisions ({@link VigilanceFlags}), raising
 * {@link VigilanceFlag}s in the same transaction. Rejections are {@link RegistryRejection}s with
 * stable codes; database failures are {@link SQLException}s. Thread-safe.
 *
 * <pre>{@code
 * IdentityRegistry registry = new IdentityRegistry(dataSource, clock);
 * Saved s = registry.create(TraitsInput.of("Martin", "Jeanne Marie", "F", "1980-02-29"), "agent-42");
 * registry.apply(s.record().id(), RnivRequest.withIns(RnivAction.of(Kind.INSI_RETRIEVED), m, oid, "agent-42"));
 * }</pre>
 */
public final class IdentityRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityRegistry.class);

    private final DataSource dataSource;
    private final Clock clock;

    public IdentityRegistry(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a PROV record from checked traits and flags near-identical records. */
    public Saved create(TraitsInput input, String operator) throws RegistryRejection, SQLException {
        StrictTraits traits = check(input);
        String by = operator(operator);
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            VigilanceFlags.lockTraits(c, traits);
            IdentityRecord draft = new IdentityRecord(0, traits, Optional.empty(), Optional.empty(),
                    RnivState.initial(), Optional.empty(), by, now, by, now);
            long id = IdentityRows.insert(c, draft);
            IdentityRecord saved = IdentityRows.find(c, id, false, today()).orElseThrow();
            LOG.info("identity record {} created by {}", id, by);
            return new Saved(saved, VigilanceFlags.detect(c, saved, today(), now));
        });
    }

    /**
     * Replaces a record's traits. A change to any of the five strict traits is the RNIV action
     * {@link Kind#STRICT_TRAIT_CHANGED} (back to PROV, the document check forgotten); complementary
     * traits change no status.
     */
    public Saved update(long id, TraitsInput input, String operator) throws RegistryRejection, SQLException {
        StrictTraits traits = check(input);
        String by = operator(operator);
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            VigilanceFlags.lockTraits(c, traits);
            IdentityRecord old = locked(c, id);
            RnivState state = old.state();
            Optional<HighTrustDocument> document = old.document();
            if (strictChanged(old.traits(), traits)) {
                state = transition(state, RnivAction.of(Kind.STRICT_TRAIT_CHANGED));
                document = Optional.empty();
            }
            IdentityRecord next = new IdentityRecord(id, traits, old.matricule(), old.oid(), state, document,
                    old.createdBy(), old.createdAt(), by, now);
            IdentityRows.update(c, next);
            LOG.info("identity record {} traits updated by {}: {} -> {}", id, by, old.state().status(), state.status());
            return new Saved(next, VigilanceFlags.detect(c, next, today(), now));
        });
    }

    /** Applies an RNIV action; an INS it brings is recorded with its history and checked for collisions. */
    public Saved apply(long id, RnivRequest request) throws RegistryRejection, SQLException {
        String by = operator(request.operator());
        RnivAction action = request.action();
        if (action.kind() == Kind.STRICT_TRAIT_CHANGED) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, RnivError.RNIV_BAD_ACTION.name(),
                    "strict traits change through an update of the record, which applies STRICT_TRAIT_CHANGED itself");
        }
        boolean bringsIns = action.kind() == Kind.INSI_RETRIEVED || action.kind() == Kind.APCV_QUALIFIED;
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            IdentityRecord old = locked(c, id);
            RnivState state = transition(old.state(), action);
            Optional<InsMatricule> matricule = old.matricule();
            Optional<InsOid> oid = old.oid();
            if (bringsIns) {
                if (request.matricule().isEmpty() || request.oid().isEmpty()) {
                    throw RegistryRejection.invalid(RegistryError.INS_REQUIRED, action.kind()
                            + " records the INS obtained: give its matricule and OID");
                }
                VigilanceFlags.lockMatricule(c, request.matricule().get());
                matricule = request.matricule();
                oid = request.oid();
                recordIns(c, id, request, by, now);
            } else if (action.kind() == Kind.INS_INVALIDATED) {
                IdentityRows.history(c, id, matricule.orElseThrow(), oid.orElseThrow(), null, today(), "INVALIDATED",
                        by, now);
                matricule = Optional.empty();
                oid = Optional.empty();
            }
            Optional<HighTrustDocument> document = action.kind() == Kind.DOCUMENT_CHECKED
                    ? Optional.of(action.document()) : old.document();
            if (!state.status().document()) {
                document = Optional.empty();
            }
            IdentityRecord next = new IdentityRecord(id, old.traits(), matricule, oid, state, document,
                    old.createdBy(), old.createdAt(), by, now);
            IdentityRows.update(c, next);
            LOG.info("identity record {} {} by {}: {} -> {}", id, action, by, old.state().status(), state.status());
            List<VigilanceFlag> raised = bringsIns ? VigilanceFlags.detect(c, next, today(), now) : List.of();
            return new Saved(next, raised);
        });
    }

    /**
     * Records an identity that INSi or the ApCV returned, in one transaction. With {@code id} empty, a
     * record is created from {@code reference}; otherwise the record's strict traits are replaced by
     * the reference ones when they differ ({@code STRICT_TRAIT_CHANGED}: the returned traits are the
     * reference), an INS held that differs from the one returned is invalidated ({@code INS_INVALIDATED}),
     * then the request's action is applied: {@code INSI_RETRIEVED} (applied as {@code INSI_VERIFIED}
     * when the same INS is already held) or {@code APCV_QUALIFIED}. The record's nom and prénom utilisés
     * are kept unless {@code reference} gives them. Nothing is written when a step is refused.
     */
    public Saved adopt(OptionalLong id, TraitsInput reference, RnivRequest request)
            throws RegistryRejection, SQLException {
        String by = operator(request.operator());
        Kind kind = request.action().kind();
        if (kind != Kind.INSI_RETRIEVED && kind != Kind.APCV_QUALIFIED) {
            throw RegistryRejection.invalid(RegistryError.INS_REQUIRED, "only INSI_RETRIEVED and APCV_QUALIFIED adopt an"
                    + " identity, not " + kind);
        }
        if (request.matricule().isEmpty() || request.oid().isEmpty()) {
            throw RegistryRejection.invalid(RegistryError.INS_REQUIRED, kind + " records the INS obtained: give its"
                    + " matricule and OID");
        }
        InsMatricule returned = request.matricule().get();
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            IdentityRecord old;
            StrictTraits traits;
            if (id.isEmpty()) {
                traits = check(reference);
                VigilanceFlags.lockTraits(c, traits);
                long created = IdentityRows.insert(c, new IdentityRecord(0, traits, Optional.empty(), Optional.empty(),
                        RnivState.initial(), Optional.empty(), by, now, by, now));
                old = IdentityRows.find(c, created, true, today()).orElseThrow();
                LOG.info("identity record {} created by {} from {}", created, by, kind);
            } else {
                old = locked(c, id.getAsLong());
                traits = check(new TraitsInput(reference.nomNaissance(), reference.listePrenom(), reference.sexe(),
                        reference.dateNaissance(), reference.lieuNaissance(),
                        reference.nomUtilise() != null ? reference.nomUtilise() : old.traits().nomUtilise().orElse(null),
                        reference.prenomUtilise() != null ? reference.prenomUtilise()
                                : old.traits().prenomUtilise().orElse(null)));
                VigilanceFlags.lockTraits(c, traits);
            }
            long rid = old.id();
            RnivState state = old.state();
            Optional<HighTrustDocument> document = old.document();
            if (strictChanged(old.traits(), traits)) {
                state = transition(state, RnivAction.of(Kind.STRICT_TRAIT_CHANGED));
                document = Optional.empty();
            }
            if (state.status().insi() && old.matricule().isPresent() && !old.matricule().get().equals(returned)) {
                state = transition(state, RnivAction.of(Kind.INS_INVALIDATED));
                IdentityRows.history(c, rid, old.matricule().get(), old.oid().orElseThrow(), null, today(),
                        "INVALIDATED", by, now);
            }
            RnivAction action = kind == Kind.INSI_RETRIEVED && state.status().insi()
                    ? RnivAction.of(Kind.INSI_VERIFIED) : request.action();
            state = transition(state, action);
            if (!state.status().document()) {
                document = Optional.empty();
            }
            VigilanceFlags.lockMatricule(c, returned);
            recordIns(c, rid, request, by, now);
            IdentityRecord next = new IdentityRecord(rid, traits, request.matricule(), request.oid(), state, document,
                    old.createdBy(), old.createdAt(), by, now);
            IdentityRows.update(c, next);
            LOG.info("identity record {} {} by {}: {} -> {}", rid, action, by, old.state().status(), state.status());
            return new Saved(next, VigilanceFlags.detect(c, next, today(), now));
        });
    }

    /** The record holding {@code matricule} as its current INS, the oldest when several do (a flagged duplicate). */
    public Optional<IdentityRecord> findByMatricule(InsMatricule matricule) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.sameMatricule(c, matricule, 0, today()).stream().findFirst();
        }
    }

    private static void recordIns(Connection c, long id, RnivRequest request, String by, Instant now)
            throws SQLException {
        String source = request.action().kind() == Kind.APCV_QUALIFIED ? "APCV" : "INSI";
        IdentityRows.history(c, id, request.matricule().orElseThrow(), request.oid().orElseThrow(), null, null, source,
                by, now);
        for (RnivRequest.PastIns past : request.history()) {
            IdentityRows.history(c, id, past.matricule(), past.oid(), past.validFrom(), past.validTo(), "INSHISTO", by,
                    now);
        }
    }

    /** The record, if it exists. */
    public Optional<IdentityRecord> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.find(c, id, false, today());
        }
    }

    /** Vigilance flags, newest first, at most {@code limit}; open ones unless {@code includeResolved}. */
    public List<VigilanceFlag> flags(boolean includeResolved, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return FlagRows.list(c, includeResolved, limit);
        }
    }

    private IdentityRecord locked(Connection c, long id) throws SQLException, RegistryRejection {
        return IdentityRows.find(c, id, true, today()).orElseThrow(() -> new RegistryRejection(
                RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(), "no identity record " + id));
    }

    private static RnivState transition(RnivState state, RnivAction action) throws RegistryRejection {
        try {
            return RnivTransitions.apply(state, action);
        } catch (RnivException e) {
            throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, e.error().name(), e.getMessage());
        }
    }

    private StrictTraits check(TraitsInput input) throws RegistryRejection {
        TraitsVerdict v = StrictTraits.check(input, today());
        if (v.traits().isPresent()) {
            return v.traits().get();
        }
        throw RegistryRejection.invalid(RegistryError.TRAITS_REJECTED, v.rejections().stream()
                .map(r -> r.trait() + " " + r.error()).collect(Collectors.joining(", ")));
    }

    private static boolean strictChanged(StrictTraits a, StrictTraits b) {
        return !a.nomNaissance().equals(b.nomNaissance()) || !a.listePrenom().equals(b.listePrenom())
                || a.sexe() != b.sexe() || !a.dateNaissance().equals(b.dateNaissance())
                || !a.lieuNaissance().equals(b.lieuNaissance());
    }

    private static String operator(String operator) throws RegistryRejection {
        if (operator == null || operator.isBlank() || operator.length() > 100) {
            throw RegistryRejection.invalid(RegistryError.OPERATOR_REQUIRED, "name the operator who acts (1-100 characters)");
        }
        return operator.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

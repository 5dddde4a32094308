package fr.vigie.hub.identity;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.db.Transactions;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.hub.identity.rniv.RnivAction.Kind;
import fr.vigie.protocol.identity.RnivError;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.hub.identity.rniv.RnivTransitions;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * {@link VigilanceFlag}s in the same transaction. An INS enters a record only through {@link #adopt}, with
 * an identity INSi or the ApCV returned, and only when the {@link SamePerson} rule says it is the
 * record's person; a VALI or QUAL record is then changed only by an admin's decision on a
 * {@link ChangeRequest} ({@link #acceptChange}, audited). The identity-vigilance cell resolves a probable
 * duplicate by merging its two records ({@link #merge}, audited; never automatic). Every change is told to the
 * {@link IdentityChanges} given, in its own transaction. Rejections are {@link RegistryRejection}s with
 * stable codes; database failures are {@link SQLException}s. Thread-safe.
 *
 * <pre>{@code
 * IdentityRegistry registry = new IdentityRegistry(dataSource, auditLog, clock);
 * Saved s = registry.create(TraitsInput.of("Martin", "Jeanne Marie", "F", "1980-02-29"), "agent-42");
 * Adoption a = registry.adopt(OptionalLong.of(s.record().id()), insiTraits,
 *         RnivRequest.withIns(RnivAction.of(Kind.INSI_RETRIEVED), m, oid, "agent-42"));
 * }</pre>
 */
public final class IdentityRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityRegistry.class);

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityChanges changes;

    public IdentityRegistry(DataSource dataSource, AuditLog audit, Clock clock) {
        this(dataSource, audit, clock, IdentityChanges.NONE);
    }

    /** A registry that tells {@code changes} of every change, inside the transaction that makes it. */
    public IdentityRegistry(DataSource dataSource, AuditLog audit, Clock clock, IdentityChanges changes) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = Objects.requireNonNull(changes, "changes");
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
            changes.saved(c, Optional.empty(), saved);
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
            if (InsTaking.strictChanged(old.traits(), traits)) {
                state = InsTaking.transition(state, RnivAction.of(Kind.STRICT_TRAIT_CHANGED));
                document = Optional.empty();
            }
            IdentityRecord next = new IdentityRecord(id, traits, old.matricule(), old.oid(), state, document,
                    old.createdBy(), old.createdAt(), by, now);
            IdentityRows.update(c, next);
            LOG.info("identity record {} traits updated by {}: {} -> {}", id, by, old.state().status(), state.status());
            changes.saved(c, Optional.of(old), next);
            return new Saved(next, VigilanceFlags.detect(c, next, today(), now));
        });
    }

    /**
     * Applies an RNIV action that needs no INS evidence: {@code DOCUMENT_CHECKED} (recorded with who
     * checked), {@code ATTRIBUTE_SET}/{@code CLEARED}, {@code INS_INVALIDATED} (the INS goes to the history).
     * Actions that set or confirm an INS are refused with {@link RegistryError#EVIDENCE_REQUIRED}: they come
     * only through {@link #adopt}.
     */
    public Saved apply(long id, RnivRequest request) throws RegistryRejection, SQLException {
        String by = operator(request.operator());
        RnivAction action = request.action();
        if (action.kind() == Kind.STRICT_TRAIT_CHANGED) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, RnivError.RNIV_BAD_ACTION.name(),
                    "strict traits change through an update of the record, which applies STRICT_TRAIT_CHANGED itself");
        }
        if (needsEvidence(action.kind()) || request.matricule().isPresent() || request.oid().isPresent()
                || !request.history().isEmpty()) {
            throw RegistryRejection.invalid(RegistryError.EVIDENCE_REQUIRED, action.kind() + (needsEvidence(action.kind())
                    ? " needs its evidence" : " with an INS is refused") + ": an INS comes only from the hub's own INSi"
                    + " call or a verified ApCV token, at an admission desk");
        }
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            IdentityRecord old = locked(c, id);
            RnivState state = InsTaking.transition(old.state(), action);
            Optional<InsMatricule> matricule = old.matricule();
            Optional<InsOid> oid = old.oid();
            if (action.kind() == Kind.INS_INVALIDATED) {
                IdentityRows.history(c, id, matricule.orElseThrow(), oid.orElseThrow(), null, today(), "INVALIDATED",
                        by, now);
                matricule = Optional.empty();
                oid = Optional.empty();
            }
            Optional<HighTrustDocument> document = old.document();
            if (action.kind() == Kind.DOCUMENT_CHECKED) {
                document = Optional.of(action.document());
                IdentityRows.documentChecked(c, id, action.document(), by, now);
            }
            if (!state.status().document()) {
                document = Optional.empty();
            }
            IdentityRecord next = new IdentityRecord(id, old.traits(), matricule, oid, state, document,
                    old.createdBy(), old.createdAt(), by, now);
            IdentityRows.update(c, next);
            LOG.info("identity record {} {} by {}: {} -> {}", id, action, by, old.state().status(), state.status());
            changes.saved(c, Optional.of(old), next);
            return new Saved(next, List.of());
        });
    }

    private static boolean needsEvidence(Kind kind) {
        return kind == Kind.INSI_RETRIEVED || kind == Kind.INSI_VERIFIED || kind == Kind.APCV_QUALIFIED;
    }

    /**
     * Records an identity that INSi or the ApCV returned ({@code reference}, with the request's INS), in one
     * transaction. The caller (the admission service) vouches that it comes from the hub's own INSi call or a
     * verified ApCV token. With {@code id} empty, a record is made from {@code reference} and takes it.
     * Otherwise the record, if DOUT or FICT, refuses it ({@code RNIV_INSI_NOT_ALLOWED},
     * {@code RNIV_DOUBTFUL_STAYS_PROV}); then:
     * <ul>
     * <li>not the same person by {@link SamePerson} → {@link Adoption.Mismatch}: the record is unchanged and a
     *     {@code COLP} flag ({@code IDENTITY_MISMATCH}) names it, with the record holding the INS returned if
     *     another one does;</li>
     * <li>a VALI or QUAL record whose strict traits or INS would change → {@link Adoption.ChangeRequested}: the
     *     record is unchanged, a {@link ChangeRequest} waits for an admin;</li>
     * <li>else → {@link Adoption.Adopted}: the record takes the identity ({@link InsTaking}); a birth place
     *     the answer lacks is kept from the record, as are nom and prénom utilisés unless {@code reference}
     *     gives them (a VALI or QUAL record keeps its own).</li>
     * </ul>
     */
    public Adoption adopt(OptionalLong id, TraitsInput reference, RnivRequest request)
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
        InsMatricule returnedIns = request.matricule().get();
        InsOid oid = request.oid().get();
        StrictTraits returned = check(reference);
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            if (id.isEmpty()) {
                VigilanceFlags.lockTraits(c, returned);
                long created = IdentityRows.insert(c, new IdentityRecord(0, returned, Optional.empty(), Optional.empty(),
                        RnivState.initial(), Optional.empty(), by, now, by, now));
                IdentityRecord fresh = IdentityRows.find(c, created, true, today()).orElseThrow();
                LOG.info("identity record {} created by {} from {}", created, by, kind);
                Saved taken = InsTaking.take(c, fresh, returned, kind, returnedIns, oid, request.history(), by, now, today());
                changes.saved(c, Optional.empty(), taken.record());
                return new Adoption.Adopted(taken);
            }
            IdentityRecord old = locked(c, id.getAsLong());
            if (old.state().doubtfulOrFictitious()) {
                InsTaking.transition(old.state(), request.action()); // refuses with the RNIV code
            }
            SamePerson.Verdict verdict = SamePerson.compare(old.traits(), returned);
            if (!verdict.same()) {
                return mismatch(c, old, returned, returnedIns, kind, verdict, now);
            }
            boolean keepsOwn = old.state().status().document();
            StrictTraits merged = check(new TraitsInput(returned.nomNaissance(), returned.listePrenomText(),
                    returned.sexe().traitCode(), returned.dateNaissance().toString(),
                    returned.lieuNaissance().or(() -> old.traits().lieuNaissance()).map(p -> p.code()).orElse(null),
                    keepsOwn ? old.traits().nomUtilise().orElse(null)
                            : Optional.ofNullable(reference.nomUtilise()).or(() -> old.traits().nomUtilise()).orElse(null),
                    keepsOwn ? old.traits().prenomUtilise().orElse(null)
                            : Optional.ofNullable(reference.prenomUtilise()).or(() -> old.traits().prenomUtilise())
                                    .orElse(null)));
            boolean insChanges = old.matricule().isPresent() && !old.matricule().get().equals(returnedIns);
            if (keepsOwn && (InsTaking.strictChanged(old.traits(), merged) || insChanges)) {
                ChangeRequest change = ChangeRequestRows.openOrExisting(c, old, kind == Kind.APCV_QUALIFIED
                        ? ChangeRequest.Source.APCV : ChangeRequest.Source.INSI, merged, returnedIns, oid,
                        request.history(), by, now, today());
                LOG.info("identity record {} is {}: {} asked by {} waits for an admin", old.id(), old.state().status(),
                        change, by);
                return new Adoption.ChangeRequested(old, change);
            }
            VigilanceFlags.lockTraits(c, merged);
            Saved taken = InsTaking.take(c, old, merged, kind, returnedIns, oid, request.history(), by, now, today());
            changes.saved(c, Optional.of(old), taken.record());
            return new Adoption.Adopted(taken);
        });
    }

    private Adoption.Mismatch mismatch(Connection c, IdentityRecord old, StrictTraits returned, InsMatricule returnedIns,
            Kind kind, SamePerson.Verdict verdict, Instant now) throws SQLException {
        VigilanceFlags.lockMatricule(c, returnedIns);
        Long holder = IdentityRows.sameMatricule(c, returnedIns, old.id(), today()).stream().findFirst()
                .map(IdentityRecord::id).orElse(null);
        String from = kind == Kind.APCV_QUALIFIED ? "the ApCV" : "INSi";
        String reason = from + " returned another person's identity for this record (" + verdict.reason()
                + "); nothing was changed" + (holder == null ? "" : "; the other record holds the INS returned");
        List<VigilanceFlag> raised = FlagRows.raise(c, old.id(), holder, VigilanceFlag.Kind.COLP,
                VigilanceFlag.Reason.IDENTITY_MISMATCH, reason, now).stream().toList();
        LOG.warn("identity record {}: {} answer refused as another person ({})", old.id(), from, verdict.reason());
        return new Adoption.Mismatch(old, returned, returnedIns, verdict, raised);
    }

    /** Change requests, newest first, at most {@code limit}; open ones unless {@code includeClosed}. */
    public List<ChangeRequest> changeRequests(boolean includeClosed, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ChangeRequestRows.list(c, includeClosed, limit, today());
        }
    }

    /**
     * An admin accepts a change request: the record takes the identity proposed ({@link InsTaking}: changed
     * strict traits make it PROV, then RECUP, or QUAL from the ApCV; another INS puts the old one in the
     * history as INVALIDATED). Audited ({@code IDENTITY_CHANGE_ACCEPTED}) in the same transaction. Refused when
     * the request is closed ({@link RegistryError#CHANGE_REQUEST_CLOSED}) or the record changed since it was made
     * ({@link RegistryError#CHANGE_REQUEST_STALE}).
     *
     * @param login the signed-in admin's login
     */
    public Saved acceptChange(long requestId, String login) throws RegistryRejection, SQLException {
        String by = operator("staff:" + login);
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            ChangeRequest r = openRequest(c, requestId);
            IdentityRecord old = locked(c, r.recordId());
            if (!old.updatedAt().equals(r.baseUpdatedAt())) {
                throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.CHANGE_REQUEST_STALE.name(),
                        "record " + old.id() + " changed since change request " + requestId + " was made: refuse it");
            }
            StrictTraits traits = check(new TraitsInput(r.proposed().nomNaissance(), r.proposed().listePrenomText(),
                    r.proposed().sexe().traitCode(), r.proposed().dateNaissance().toString(),
                    r.proposed().lieuNaissance().map(p -> p.code()).orElse(null), old.traits().nomUtilise().orElse(null),
                    old.traits().prenomUtilise().orElse(null)));
            VigilanceFlags.lockTraits(c, traits);
            Saved saved = InsTaking.take(c, old, traits, r.source() == ChangeRequest.Source.APCV ? Kind.APCV_QUALIFIED
                    : Kind.INSI_RETRIEVED, r.matricule(), r.oid(), r.history(), by, now, today());
            ChangeRequestRows.resolve(c, requestId, ChangeRequest.Status.ACCEPTED, by, now, null);
            changes.saved(c, Optional.of(old), saved.record());
            audit.append(c, AuditEntry.of(AuditEntry.staff(login), "IDENTITY_CHANGE_ACCEPTED", "identity:" + old.id(),
                    Map.of("changeRequest", Long.toString(requestId), "source", r.source().name(),
                            "traitsChanged", Boolean.toString(InsTaking.strictChanged(old.traits(), traits)),
                            "insChanged", Boolean.toString(!old.matricule().equals(Optional.of(r.matricule()))),
                            "from", old.state().status().name(), "to", saved.record().state().status().name())));
            return saved;
        });
    }

    /** An admin refuses a change request: the record stays as it is. Audited ({@code IDENTITY_CHANGE_REFUSED}). */
    public ChangeRequest refuseChange(long requestId, String login, String note) throws RegistryRejection, SQLException {
        String by = operator("staff:" + login);
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 500) {
            throw RegistryRejection.invalid(RegistryError.NOTE_TOO_LONG, "the note is at most 500 characters");
        }
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            ChangeRequest r = openRequest(c, requestId);
            ChangeRequestRows.resolve(c, requestId, ChangeRequest.Status.REFUSED, by, now, why);
            audit.append(c, AuditEntry.of(AuditEntry.staff(login), "IDENTITY_CHANGE_REFUSED", "identity:" + r.recordId(),
                    why == null ? Map.of("changeRequest", Long.toString(requestId))
                            : Map.of("changeRequest", Long.toString(requestId), "note", why)));
            return ChangeRequestRows.find(c, requestId, false, today()).orElseThrow();
        });
    }

    /**
     * The identity-vigilance cell resolves a probable duplicate: an admin merges the two records of an open
     * {@code DOUB} flag, keeping {@code survivorId}. The other record is marked merged into it (inactive: it changes
     * no more, and duplicate detection and INS look-ups skip it), the flag is resolved, the merge is audited
     * ({@code IDENTITY_MERGED}) and told to {@link IdentityChanges#merged}, in one transaction. Never automatic, and
     * refused when it could put two people together or lose evidence: a collision flag or a single-record flag
     * ({@link RegistryError#MERGE_NOT_A_DUPLICATE}), two different INS ({@link RegistryError#MERGE_INS_DIFFER}), or a
     * record to keep with less evidence than the other ({@link RegistryError#MERGE_SURVIVOR_WEAKER}).
     *
     * @param login the signed-in admin's login
     * @return the record kept, and the one merged into it (as it was)
     */
    public Merged merge(long flagId, long survivorId, String login) throws RegistryRejection, SQLException {
        String by = operator("staff:" + login);
        Instant now = clock.instant();
        return Transactions.run(dataSource, c -> {
            VigilanceFlag flag = FlagRows.find(c, flagId, true).orElseThrow(() -> new RegistryRejection(
                    RegistryRejection.Kind.NOT_FOUND, RegistryError.FLAG_NOT_FOUND.name(), "no vigilance flag " + flagId));
            if (flag.resolved()) {
                throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.FLAG_CLOSED.name(),
                        "vigilance flag " + flagId + " is already resolved");
            }
            if (flag.kind() != VigilanceFlag.Kind.DOUB || flag.recordB() == null) {
                throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.MERGE_NOT_A_DUPLICATE.name(),
                        "flag " + flagId + " is " + flag.kind() + (flag.recordB() == null ? " on one record" : "")
                        + ": only a probable duplicate (DOUB) of two records is merged, a collision never is");
            }
            if (survivorId != flag.recordA() && survivorId != flag.recordB()) {
                throw RegistryRejection.invalid(RegistryError.MERGE_SURVIVOR_NOT_IN_FLAG, "record " + survivorId
                        + " is not one of flag " + flagId + "'s records (" + flag.recordA() + ", " + flag.recordB() + ")");
            }
            long absorbedId = survivorId == flag.recordA() ? flag.recordB() : flag.recordA();
            IdentityRecord first = locked(c, Math.min(survivorId, absorbedId)); // always lock in id order
            IdentityRecord second = locked(c, Math.max(survivorId, absorbedId));
            IdentityRecord survivor = first.id() == survivorId ? first : second;
            IdentityRecord absorbed = first.id() == survivorId ? second : first;
            if (survivor.matricule().isPresent() && absorbed.matricule().isPresent()
                    && !survivor.matricule().equals(absorbed.matricule())) {
                throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.MERGE_INS_DIFFER.name(),
                        "records " + survivorId + " and " + absorbedId + " hold different INS: maybe two people; look at"
                        + " their INS history before anything is merged");
            }
            boolean weaker = absorbed.matricule().isPresent() && survivor.matricule().isEmpty()
                    || absorbed.state().status().insi() && !survivor.state().status().insi()
                    || absorbed.state().status().document() && !survivor.state().status().document();
            if (weaker) {
                throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.MERGE_SURVIVOR_WEAKER.name(),
                        "record " + survivorId + " (" + survivor.state().status() + ") has less evidence than record "
                        + absorbedId + " (" + absorbed.state().status() + "): keep " + absorbedId + ", or bring "
                        + survivorId + " up first");
            }
            IdentityRows.markMerged(c, absorbedId, survivorId, by, now);
            FlagRows.resolve(c, flagId, by, now);
            audit.append(c, AuditEntry.of(AuditEntry.staff(login), "IDENTITY_MERGED", "identity:" + survivorId,
                    Map.of("flag", Long.toString(flagId), "survivor", Long.toString(survivorId),
                            "absorbed", Long.toString(absorbedId), "survivorStatus", survivor.state().status().name(),
                            "absorbedStatus", absorbed.state().status().name())));
            LOG.info("identity record {} merged into {} by {} (flag {})", absorbedId, survivorId, by, flagId);
            changes.merged(c, survivor, absorbed);
            return new Merged(survivor, absorbed);
        });
    }

    /**
     * A merge done by {@link #merge}. Immutable.
     *
     * @param survivor the record kept
     * @param absorbed the record merged into it, as it was before (now inactive)
     */
    public record Merged(IdentityRecord survivor, IdentityRecord absorbed) {
    }

    /** The record {@code id} was merged into, if the identity-vigilance cell merged it. */
    public OptionalLong mergedInto(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.mergedInto(c, id);
        }
    }

    private ChangeRequest openRequest(Connection c, long requestId) throws SQLException, RegistryRejection {
        ChangeRequest r = ChangeRequestRows.find(c, requestId, true, today()).orElseThrow(() -> new RegistryRejection(
                RegistryRejection.Kind.NOT_FOUND, RegistryError.CHANGE_REQUEST_NOT_FOUND.name(),
                "no change request " + requestId));
        if (r.status() != ChangeRequest.Status.OPEN) {
            throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.CHANGE_REQUEST_CLOSED.name(),
                    "change request " + requestId + " is already " + r.status());
        }
        return r;
    }

    /** The record holding {@code matricule} as its current INS, the oldest when several do (a flagged duplicate). */
    public Optional<IdentityRecord> findByMatricule(InsMatricule matricule) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.sameMatricule(c, matricule, 0, today()).stream().findFirst();
        }
    }

    /**
     * A record marked DOUT or FICT that a traits search for {@code traits} would be about: near-identical
     * traits by the duplicate rule ({@link TraitsMatch}). INSi must then not be called (DOMAIN §9).
     */
    public Optional<IdentityRecord> doubtfulNearIdentical(StrictTraits traits) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String name : traits.nomUtilise().isPresent() ? List.of(traits.nomNaissance(), traits.nomUtilise().get())
                    : List.of(traits.nomNaissance())) {
                Optional<IdentityRecord> found = IdentityRows.doubtfulNamed(c, TraitsMatch.key(name),
                        traits.dateNaissance(), traits.sexe(), today()).stream()
                        .filter(r -> TraitsMatch.nearIdentical(r.traits(), traits).isPresent()).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A record marked DOUT or FICT that a Vitale search would be about: it holds (or held) the card's
     * matricule, or has the card's birth name (or it as nom utilisé), birth date and the sex of the matricule.
     */
    public Optional<IdentityRecord> doubtfulForVitale(InsMatricule matricule, String nomNaissance, BirthDate dateNaissance)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<IdentityRecord> holder = IdentityRows.doubtfulHolding(c, matricule, today()).stream().findFirst();
            return holder.isPresent() ? holder : IdentityRows.doubtfulNamed(c, TraitsMatch.key(nomNaissance),
                    dateNaissance, matricule.sex(), today()).stream().findFirst();
        }
    }

    /**
     * Active records (not merged into another) matching every criterion given: a birth name or nom utilisé equal to
     * {@code name} (as {@link StrictTraits} normalises it; hyphen and apostrophe count as a space), the birth date as
     * written (a partial date matches only itself), the sex; by id, at most {@code limit}. A search with no criterion
     * finds nothing.
     */
    public List<IdentityRecord> search(Optional<String> name, Optional<BirthDate> date,
            Optional<fr.vigie.protocol.identity.Sex> sex, int limit) throws SQLException {
        if (name.isEmpty() && date.isEmpty() && sex.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.search(c, name.map(TraitsMatch::key).orElse(null), date.orElse(null), sex.orElse(null),
                    limit, today());
        }
    }

    /** The record, if it exists. */
    public Optional<IdentityRecord> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.find(c, id, false, today());
        }
    }

    /** The high-trust documents checked on record {@code id}, oldest first: who checked which, when. */
    public List<DocumentCheck> documentChecks(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.documentChecks(c, id);
        }
    }

    /** Record {@code id}'s INS history, oldest first: the evidence of every INS it held or was told about. */
    public List<InsHistoryEntry> insHistory(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return IdentityRows.insHistory(c, id);
        }
    }

    /** Vigilance flags, newest first, at most {@code limit}; open ones unless {@code includeResolved}. */
    public List<VigilanceFlag> flags(boolean includeResolved, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return FlagRows.list(c, includeResolved, limit);
        }
    }

    private IdentityRecord locked(Connection c, long id) throws SQLException, RegistryRejection {
        IdentityRecord r = IdentityRows.find(c, id, true, today()).orElseThrow(() -> new RegistryRejection(
                RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(), "no identity record " + id));
        OptionalLong into = IdentityRows.mergedInto(c, id);
        if (into.isPresent()) {
            throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, RegistryError.IDENTITY_MERGED.name(),
                    "identity record " + id + " was merged into record " + into.getAsLong()
                    + " by the identity-vigilance cell: use record " + into.getAsLong());
        }
        return r;
    }

    private StrictTraits check(TraitsInput input) throws RegistryRejection {
        TraitsVerdict v = StrictTraits.check(input, today());
        if (v.traits().isPresent()) {
            return v.traits().get();
        }
        throw RegistryRejection.invalid(RegistryError.TRAITS_REJECTED, v.rejections().stream()
                .map(r -> r.trait() + " " + r.error()).collect(Collectors.joining(", ")));
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

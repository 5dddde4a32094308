package fr.vigie.hub.admission;

import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.hub.identity.Adoption;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.identity.Saved;
import fr.vigie.hub.identity.VigilanceFlag;
import fr.vigie.hub.insi.InsiCaller;
import fr.vigie.hub.insi.InsiClient;
import fr.vigie.hub.insi.InsiError;
import fr.vigie.hub.insi.InsiException;
import fr.vigie.hub.insi.InsiResult;
import fr.vigie.hub.insi.InsiSearch;
import fr.vigie.hub.insi.ReturnedTraits;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Identity qualification at admission, feeding the {@link IdentityRegistry}:
 * <ul>
 * <li>{@link #byVitale} and {@link #byTraits} ask INSi (typed traits: checked with {@link StrictTraits}
 *     first, then premier prénom, then the full list, see {@link InsiSearch}). INSi is not called when the
 *     record given, or a record matching the traits (duplicate rule) or the Vitale card (its INS, or birth
 *     name, date and sex), is DOUT or FICT ({@code RNIV_INSI_NOT_ALLOWED}). One identity → the record (the
 *     one given, the one already holding that INS, or a new one) is offered it through
 *     {@link IdentityRegistry#adopt}: the same person ({@link fr.vigie.hub.identity.SamePerson}) → it takes
 *     the returned INS, its history and the returned traits and becomes RECUP; another person →
 *     {@code IDENTITY_MISMATCH}, nothing changed, both identities in the answer, a flag to the cell; a VALI
 *     or QUAL record that would change → {@code IDENTITY_CHANGE_REQUESTED}, nothing changed until an admin
 *     decides;</li>
 * <li>{@link #documentChecked}: the agent checked a high-trust document → QUAL (from RECUP);</li>
 * <li>{@link #byApcv}: a verified, unused ApCV token → QUAL without INSi, under the same rules.</li>
 * </ul>
 * Every outcome that is not an identity is an {@link AdmissionRejection} with a stable code; every
 * step is audited with the kiosk and the agent. Thread-safe.
 *
 * <pre>{@code
 * AdmissionResult r = admission.byTraits(new AdmissionCaller(kiosk, agent), typed, OptionalLong.empty());
 * admission.documentChecked(caller, r.record().id(), HighTrustDocument.PASSPORT); // QUAL
 * }</pre>
 */
public final class AdmissionService {
    private final IdentityRegistry registry;
    private final InsiClient insi;
    private final ApcvVerifier apcv;
    private final ApcvReplayGuard replays;
    private final AdmissionAudit audit;
    private final Clock clock;

    /**
     * @param insi the INSi gateway, or {@code null} when none is configured (INSi steps then answer
     *     {@code INSI_UNAVAILABLE})
     * @param apcv what the hub trusts for ApCV tokens, or empty ({@code APCV_NOT_CONFIGURED})
     */
    public AdmissionService(IdentityRegistry registry, DataSource dataSource, InsiClient insi,
            Optional<ApcvSettings> apcv, AdmissionAudit audit, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.insi = insi;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.apcv = apcv.map(s -> new ApcvVerifier(s, clock)).orElse(null);
        this.replays = new ApcvReplayGuard(dataSource, clock);
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** INSi with the beneficiary read from a Vitale card. */
    public AdmissionResult byVitale(AdmissionCaller caller, VitaleQuery query, OptionalLong recordId)
            throws AdmissionRejection, SQLException {
        return audited(caller, "ADMISSION_VITALE", recordId, () -> {
            Optional<IdentityRecord> target = insiTarget(recordId);
            Optional<IdentityRecord> doubtful = registry.doubtfulForVitale(query.matriculeIndividu(), query.nomNaissance(),
                    query.dateNaissance());
            if (doubtful.isPresent()) {
                throw insiNotAllowed(doubtful.get(), "the Vitale card's beneficiary");
            }
            InsiResult result = client().rechercherAvecCarteVitale(insiCaller(caller, recordId), query);
            if (!(result instanceof InsiResult.OneIdentity one)) {
                throw Rejections.notOne(result, false);
            }
            return adopt(caller, IdentitySource.VITALE, target, one, null, List.of());
        });
    }

    /** INSi with typed traits: premier prénom, then the full list; the birth place when given. */
    public AdmissionResult byTraits(AdmissionCaller caller, TraitsInput typed, OptionalLong recordId)
            throws AdmissionRejection, SQLException {
        return audited(caller, "ADMISSION_TRAITS", recordId, () -> {
            TraitsVerdict verdict = StrictTraits.check(typed, LocalDate.now(clock));
            if (!verdict.accepted()) {
                throw new AdmissionRejection(AdmissionError.INSI_TRAITS_REJECTED,
                        "the traits were refused before calling INSi: correct the traits shown", verdict.rejections());
            }
            StrictTraits traits = verdict.traits().orElseThrow();
            Optional<IdentityRecord> target = insiTarget(recordId);
            Optional<IdentityRecord> doubtful = registry.doubtfulNearIdentical(traits);
            if (doubtful.isPresent()) {
                throw insiNotAllowed(doubtful.get(), "these traits");
            }
            InsiSearch.Outcome outcome = new InsiSearch(client(), clock).search(insiCaller(caller, recordId), traits);
            if (!(outcome.result() instanceof InsiResult.OneIdentity one)) {
                throw Rejections.notOne(outcome.result(), traits.lieuNaissance().isPresent());
            }
            return adopt(caller, IdentitySource.TRAITS, target, one, traits, outcome.steps());
        });
    }

    /** The agent checked the traits against a high-trust document: RECUP → QUAL (PROV → VALI). */
    public AdmissionResult documentChecked(AdmissionCaller caller, long recordId, HighTrustDocument document)
            throws AdmissionRejection, SQLException {
        return audited(caller, "ADMISSION_DOCUMENT", OptionalLong.of(recordId), () -> {
            Saved s = registry(() -> registry.apply(recordId, RnivRequest.of(RnivAction.documentChecked(document),
                    caller.operator())));
            return new AdmissionResult(IdentitySource.DOCUMENT, s.record(), List.of(), s.raised(), List.of());
        });
    }

    /** A scanned ApCV token: verified, used once, then QUAL without INSi. */
    public AdmissionResult byApcv(AdmissionCaller caller, String token, OptionalLong recordId)
            throws AdmissionRejection, SQLException {
        return audited(caller, "ADMISSION_APCV", recordId, () -> {
            if (apcv == null) {
                throw new AdmissionRejection(AdmissionError.APCV_NOT_CONFIGURED,
                        "ApCV: no ApCV key is configured on this hub");
            }
            ApcvIdentity identity = apcv.verify(token, caller.kiosk().site());
            TraitsVerdict traits = StrictTraits.check(identity.traits(), LocalDate.now(clock));
            if (!traits.accepted()) {
                throw new AdmissionRejection(AdmissionError.APCV_IDENTITY_INVALID,
                        "ApCV: the traits in the token are invalid", traits.rejections());
            }
            Optional<IdentityRecord> target = recordId.isPresent() ? Optional.of(existing(recordId.getAsLong()))
                    : registry.findByMatricule(identity.matricule());
            if (target.isPresent() && target.get().state().doubtfulOrFictitious()) {
                throw new AdmissionRejection(AdmissionError.RNIV_DOUBTFUL_STAYS_PROV,
                        "record " + target.get().id() + " is DOUT or FICT: it stays PROV");
            }
            replays.useOnce(identity, caller.actor());
            RnivRequest request = RnivRequest.withIns(RnivAction.of(RnivAction.Kind.APCV_QUALIFIED),
                    identity.matricule(), identity.oid(), caller.operator());
            Saved s = adopted(IdentitySource.APCV, registry(() -> registry.adopt(
                    target.map(r -> OptionalLong.of(r.id())).orElse(OptionalLong.empty()), identity.traits(), request)));
            replays.attach(identity, s.record().id());
            List<TraitDifference> diffs = target.map(r -> TraitDifference.between(r.traits(), returned(s.record().traits())))
                    .orElse(List.of());
            return new AdmissionResult(IdentitySource.APCV, s.record(), diffs, s.raised(), List.of());
        });
    }

    private AdmissionResult adopt(AdmissionCaller caller, IdentitySource source, Optional<IdentityRecord> given,
            InsiResult.OneIdentity one, StrictTraits typed, List<InsiSearch.Step> steps)
            throws AdmissionRejection, SQLException {
        Optional<IdentityRecord> target = given.isPresent() ? given : registry.findByMatricule(one.matricule());
        if (target.isPresent() && !target.get().state().mayCallInsi()) {
            throw new AdmissionRejection(AdmissionError.RNIV_INSI_NOT_ALLOWED,
                    "record " + target.get().id() + " holding this INS is DOUT or FICT: INSi results are not recorded");
        }
        ReturnedTraits r = one.traits();
        TraitsInput reference = new TraitsInput(r.nomNaissance(), r.listePrenom(), r.sexe(), r.dateNaissance(),
                r.lieuNaissance(), typed == null ? null : typed.nomUtilise().orElse(null),
                typed == null ? null : typed.prenomUtilise().orElse(null));
        List<RnivRequest.PastIns> history = one.history().stream().map(h -> new RnivRequest.PastIns(h.matricule(),
                h.oid(), h.from(), h.to())).toList();
        RnivRequest request = new RnivRequest(RnivAction.of(RnivAction.Kind.INSI_RETRIEVED), Optional.of(one.matricule()),
                Optional.of(one.oid()), history, caller.operator());
        Saved s = adopted(source, registry(() -> registry.adopt(target.map(t -> OptionalLong.of(t.id()))
                .orElse(OptionalLong.empty()), reference, request)));
        StrictTraits local = target.map(IdentityRecord::traits).orElse(typed);
        List<TraitDifference> diffs = local == null ? List.of() : TraitDifference.between(local, r);
        return new AdmissionResult(source, s.record(), diffs, s.raised(), steps);
    }

    /**
     * The record as saved when it took the answer; otherwise the refusal that shows both identities:
     * {@code IDENTITY_MISMATCH} or {@code IDENTITY_CHANGE_REQUESTED}.
     */
    private static Saved adopted(IdentitySource source, Adoption adoption) throws AdmissionRejection {
        String from = source == IdentitySource.APCV ? "the ApCV" : "INSi";
        if (adoption instanceof Adoption.Mismatch m) {
            IdentityRecord rec = m.record();
            throw new AdmissionRejection(AdmissionError.IDENTITY_MISMATCH, "the identity " + from + " returned is"
                    + " not the person of record " + rec.id() + " (" + m.verdict().reason() + "): nothing was changed"
                    + " and the identity-vigilance cell was told", new IdentityComparison(source, rec.id(),
                    rec.state().status(), rec.traits(), m.returned(), m.returnedIns().masked(),
                    TraitDifference.between(rec.traits(), returned(m.returned())),
                    m.flag().map(VigilanceFlag::flagId), Optional.empty()));
        }
        if (adoption instanceof Adoption.ChangeRequested c) {
            IdentityRecord rec = c.record();
            throw new AdmissionRejection(AdmissionError.IDENTITY_CHANGE_REQUESTED, "record " + rec.id() + " is "
                    + rec.state().status() + ": the changes " + from + " returned wait for the identity-vigilance cell"
                    + " (change request " + c.request().requestId() + "); nothing was changed yet",
                    new IdentityComparison(source, rec.id(), rec.state().status(), rec.traits(), c.request().proposed(),
                            c.request().matricule().masked(), TraitDifference.between(rec.traits(),
                            returned(c.request().proposed())), Optional.empty(),
                            Optional.of(c.request().requestId())));
        }
        return ((Adoption.Adopted) adoption).saved();
    }

    private static AdmissionRejection insiNotAllowed(IdentityRecord doubtful, String what) {
        return new AdmissionRejection(AdmissionError.RNIV_INSI_NOT_ALLOWED,
                "record " + doubtful.id() + ", which matches " + what + ", is marked DOUT or FICT: INSi is not called;"
                + " ask the identity-vigilance cell");
    }

    private Optional<IdentityRecord> insiTarget(OptionalLong recordId) throws AdmissionRejection, SQLException {
        if (recordId.isEmpty()) {
            return Optional.empty();
        }
        IdentityRecord r = existing(recordId.getAsLong());
        if (!r.state().mayCallInsi()) {
            throw new AdmissionRejection(AdmissionError.RNIV_INSI_NOT_ALLOWED,
                    "record " + r.id() + " is DOUT or FICT: INSi must not be called for it");
        }
        return Optional.of(r);
    }

    private IdentityRecord existing(long id) throws AdmissionRejection, SQLException {
        return registry.find(id).orElseThrow(() -> new AdmissionRejection(
                AdmissionError.IDENTITY_NOT_FOUND, "no identity record " + id));
    }

    private InsiClient client() throws InsiException {
        if (insi == null) {
            throw new InsiException(InsiError.INSI_UNAVAILABLE, "no INSi gateway is configured on this hub");
        }
        return insi;
    }

    private static InsiCaller insiCaller(AdmissionCaller caller, OptionalLong recordId) {
        return new InsiCaller(caller.operator(), caller.kiosk().toString(),
                recordId.isPresent() ? recordId.getAsLong() : null);
    }

    private static ReturnedTraits returned(StrictTraits t) {
        return new ReturnedTraits(t.nomNaissance(), t.listePrenomText(), t.sexe().traitCode(),
                t.dateNaissance().toString(), t.lieuNaissance().map(p -> p.code()).orElse(null));
    }

    private interface RegistryCall<T> {
        T run() throws RegistryRejection, SQLException;
    }

    private static <T> T registry(RegistryCall<T> call) throws AdmissionRejection, SQLException {
        try {
            return call.run();
        } catch (RegistryRejection e) {
            throw Rejections.of(e);
        }
    }

    private interface Step {
        AdmissionResult run() throws AdmissionRejection, InsiException, SQLException;
    }

    private AdmissionResult audited(AdmissionCaller caller, String action, OptionalLong recordId, Step step)
            throws AdmissionRejection, SQLException {
        Long asked = recordId.isPresent() ? recordId.getAsLong() : null;
        try {
            AdmissionResult r = step.run();
            audit.record(new AdmissionAudit.Entry(clock.instant(), caller.actor(), caller.operator(), action,
                    r.record().id(), r.record().state().status().name()));
            return r;
        } catch (InsiException e) {
            AdmissionRejection rejection = Rejections.of(e);
            audit.record(new AdmissionAudit.Entry(clock.instant(), caller.actor(), caller.operator(), action, asked,
                    rejection.error().name()));
            throw rejection;
        } catch (AdmissionRejection e) {
            audit.record(new AdmissionAudit.Entry(clock.instant(), caller.actor(), caller.operator(), action,
                    e.comparison().map(IdentityComparison::recordId).orElse(asked), e.error().name()));
            throw e;
        }
    }
}

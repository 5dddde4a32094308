package fr.vigie.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.hub.staff.StaffPrincipal;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR R4 read API for the site's applications (DPI, laboratory, pharmacy…), on the hub's HTTP server, JSON
 * only ({@code application/fhir+json}), built and serialised with HAPI FHIR's R4 model:
 * <pre>
 * GET /fhir/metadata                    the CapabilityStatement (no sign-in)
 * GET /fhir/Patient/{id}                one record as an FR Core Patient ({@link FhirPatients}); a merged record is
 *                                       inactive and links to the record that replaced it
 * GET /fhir/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|&lt;matricule&gt;   by INS (only a QUAL record answers)
 * GET /fhir/Patient?family=&amp;given=&amp;birthdate=&amp;gender=&amp;_count=  by traits ({@link PatientQuery})
 * </pre>
 * <b>Access</b>: {@code Authorization: Bearer} with a staff API token of role {@code FHIR_READER} (an application's
 * token, which reads nothing else) or {@code ADMIN}; a viewer's token is refused (a viewer never sees a full INS),
 * and so is a console session (no cookie is read here). 401 {@code login} without a usable token, 403
 * {@code forbidden} for another role, 405 for anything but GET. <b>Every read is audited</b>
 * ({@code FHIR_PATIENT_READ} with the record, {@code FHIR_PATIENT_SEARCH} with the criteria's names — never their
 * values — and the records returned): who looked at which patient is part of the record. Errors are
 * OperationOutcomes, never a stack trace. Thread-safe.
 */
public final class FhirRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(FhirRoutes.class);
    /** The media type of every answer. */
    public static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
    private static final String PRINCIPAL = "vigie.fhir.principal";

    private final IdentityRegistry registry;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final FhirPatients patients;
    private final String localSystem;
    private final Supplier<FhirContext> fhir;

    private FhirRoutes(IdentityRegistry registry, StaffDirectory staff, AuditLog audit, Clock clock, String localSystem) {
        this.registry = registry;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.localSystem = localSystem;
        this.patients = new FhirPatients(localSystem);
        this.fhir = FhirRoutes::context;
    }

    /** HAPI's R4 context, made once (it is costly) on the first request, then shared (it is thread-safe). */
    private static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /**
     * Adds the routes to {@code app}.
     *
     * @param localSystem the identifier system of the hub's record ids: {@code urn:oid:} and the site's OID
     *        ({@code hub.gam.patient-id-oid}), shared with the GAM feed's PID-3
     */
    public static void mount(Javalin app, IdentityRegistry registry, StaffDirectory staff, AuditLog audit, Clock clock,
            String localSystem) {
        FhirRoutes r = new FhirRoutes(registry, staff, audit, clock, localSystem);
        app.before("/fhir", r::guard);
        app.before("/fhir/*", r::guard);
        app.get("/fhir/metadata", ctx -> r.answer(ctx, 200, r.capabilities()));
        app.get("/fhir/Patient/{id}", r.guarded(r::read));
        app.get("/fhir/Patient", r.guarded(r::search));
        app.exception(FhirProblem.class, (e, ctx) -> r.answer(ctx, e.status, outcome(e.code, e.getMessage())));
    }

    private interface FhirHandler {
        void handle(Context ctx) throws FhirProblem, SQLException;
    }

    /** {@code h}, its failures answered as OperationOutcomes too (503 for the database, 500 otherwise; logged). */
    private io.javalin.http.Handler guarded(FhirHandler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (SQLException e) {
                LOG.warn("FHIR {} failed on the database: {}", ctx.path(), e.toString());
                throw new FhirProblem(503, OperationOutcome.IssueType.TRANSIENT, "the hub database did not answer");
            } catch (RuntimeException e) {
                LOG.error("FHIR {} failed", ctx.path(), e);
                throw new FhirProblem(500, OperationOutcome.IssueType.EXCEPTION, "the hub could not answer");
            }
        };
    }

    /** A refusal as an OperationOutcome: HTTP status, FHIR issue type, diagnostics. */
    private static final class FhirProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final OperationOutcome.IssueType code;

        FhirProblem(int status, OperationOutcome.IssueType code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private void guard(Context ctx) throws FhirProblem, SQLException {
        ctx.header("Cache-Control", "no-store");
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            throw new FhirProblem(405, OperationOutcome.IssueType.NOTSUPPORTED, "this FHIR API only reads (GET)");
        }
        if (ctx.path().equals("/fhir/metadata")) {
            return;
        }
        String auth = ctx.header("Authorization");
        Optional<StaffPrincipal> who = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? staff.tokens().find(auth.substring(7).trim()) : Optional.empty();
        if (who.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"vigie-fhir\"");
            throw new FhirProblem(401, OperationOutcome.IssueType.LOGIN, "an API token of role fhir_reader is required"
                    + " (Authorization: Bearer …)");
        }
        StaffRole role = who.get().role();
        if (role != StaffRole.FHIR_READER && role != StaffRole.ADMIN) {
            throw new FhirProblem(403, OperationOutcome.IssueType.FORBIDDEN, "a " + role.name().toLowerCase(
                    java.util.Locale.ROOT) + " token does not read patients' identities: use a fhir_reader token");
        }
        ctx.attribute(PRINCIPAL, who.get());
    }

    private void read(Context ctx) throws FhirProblem, SQLException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new FhirProblem(404, OperationOutcome.IssueType.NOTFOUND, "no Patient " + shown(ctx.pathParam("id")));
        }
        IdentityRecord r = registry.find(id).orElseThrow(() -> new FhirProblem(404, OperationOutcome.IssueType.NOTFOUND,
                "no Patient " + id));
        Patient p = patients.patient(facts(r, registry.mergedInto(id)));
        audit("FHIR_PATIENT_READ", "identity:" + id, Map.of("status", r.state().status().name()), ctx);
        answer(ctx, 200, p);
    }

    private void search(Context ctx) throws FhirProblem, SQLException {
        PatientQuery q;
        try {
            q = PatientQuery.parse(ctx.queryParamMap(), localSystem, LocalDate.now(clock));
        } catch (PatientQuery.Invalid e) {
            throw new FhirProblem(400, OperationOutcome.IssueType.INVALID, e.getMessage());
        }
        List<IdentityRecord> found = q.noMatchPossible() ? List.of() : find(q);
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(found.size());
        String base = ctx.scheme() + "://" + ctx.host() + "/fhir";
        b.addLink().setRelation("self").setUrl(base + "/Patient" + (ctx.queryString() == null ? ""
                : "?" + ctx.queryString()));
        for (IdentityRecord r : found) {
            b.addEntry().setFullUrl(base + "/Patient/" + r.id()).setResource(patients.patient(facts(r, OptionalLong.empty())))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        audit("FHIR_PATIENT_SEARCH", "fhir:Patient", Map.of("criteria", String.join(",", q.criteria()),
                "results", found.isEmpty() ? "none" : found.stream().map(r -> Long.toString(r.id()))
                        .collect(Collectors.joining(","))), ctx);
        answer(ctx, 200, b);
    }

    /** The active records answering {@code q}: an INS only for a QUAL record holding it with that OID. */
    private List<IdentityRecord> find(PatientQuery q) throws SQLException {
        List<IdentityRecord> candidates;
        if (q.ins().isPresent()) {
            candidates = registry.findByMatricule(q.ins().get()).filter(r -> r.state().status() == RnivStatus.QUAL
                    && r.oid().equals(q.insOid())).stream().toList();
        } else if (q.recordId().isPresent()) {
            long id = q.recordId().getAsLong();
            candidates = registry.mergedInto(id).isPresent() ? List.of() : registry.find(id).stream().toList();
        } else {
            candidates = registry.search(q.family(), q.birthDate(), q.sex(), 500);
        }
        List<IdentityRecord> out = new ArrayList<>();
        for (IdentityRecord r : candidates) {
            if (matches(r, q) && out.size() < q.count()) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every criterion of {@code q} holds for {@code r} (names compared as the INS rules do). */
    private static boolean matches(IdentityRecord r, PatientQuery q) {
        StrictTraits t = r.traits();
        return q.family().map(f -> sameName(f, t.nomNaissance()) || t.nomUtilise().map(u -> sameName(f, u)).orElse(false))
                .orElse(true)
                && q.given().map(g -> t.listePrenomContains(g) || t.prenomUtilise().map(u -> sameName(g, u)).orElse(false))
                .orElse(true)
                && q.birthDate().map(d -> d.equals(t.dateNaissance())).orElse(true)
                && q.sex().map(s -> s == t.sexe()).orElse(true);
    }

    /** Two names alike once case, accents, hyphens and apostrophes are set aside (the INS rules' comparison). */
    private static boolean sameName(String a, String b) {
        return StrictTraits.samePrenom(a, b);
    }

    private FhirPatients.Facts facts(IdentityRecord r, OptionalLong mergedInto) throws SQLException {
        return new FhirPatients.Facts(r, mergedInto, registry.documentChecks(r.id()), registry.insHistory(r.id()));
    }

    private void audit(String action, String subject, Map<String, String> details, Context ctx) throws SQLException {
        StaffPrincipal who = ctx.attribute(PRINCIPAL);
        Map<String, String> d = new LinkedHashMap<>(details);
        d.put("role", who.role().name());
        audit.append(AuditEntry.of(AuditEntry.staff(who.login()), action, subject, d));
    }

    private CapabilityStatement capabilities() {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(Date.from(clock.instant()))
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).addFormat("json");
        c.getSoftware().setName("Vigie edge hub");
        c.getImplementation().setDescription("Vigie site hub: identities of the site's patients (FR Core)");
        CapabilityStatement.CapabilityStatementRestComponent rest = c.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Authorization: Bearer <API token of role fhir_reader or admin>; every read"
                + " is audited");
        CapabilityStatement.CapabilityStatementRestResourceComponent patient = rest.addResource().setType("Patient")
                .setProfile(FrCore.PATIENT_PROFILE);
        patient.addSupportedProfile(FrCore.PATIENT_INS_PROFILE);
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        patient.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        patient.addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN).setDocumentation(
                "urn:oid:1.2.250.1.213.1.4.8|<matricule> (INS-NIR; .9 NIA, .10 test, .11 demo): QUAL identities only; or "
                + localSystem + "|<record id>");
        patient.addSearchParam().setName("family").setType(Enumerations.SearchParamType.STRING)
                .setDocumentation("the whole birth name or nom utilisé (case, accents and hyphens aside)");
        patient.addSearchParam().setName("given").setType(Enumerations.SearchParamType.STRING)
                .setDocumentation("one of the first names, or the prénom utilisé");
        patient.addSearchParam().setName("birthdate").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("YYYY-MM-DD, equality");
        patient.addSearchParam().setName("gender").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("female | male");
        return c;
    }

    private static OperationOutcome outcome(OperationOutcome.IssueType code, String message) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(message);
        return o;
    }

    private void answer(Context ctx, int status, IBaseResource resource) {
        ctx.status(status).contentType(FHIR_JSON).result(fhir.get().newJsonParser().encodeResourceToString(resource));
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

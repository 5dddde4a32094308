package fr.vigie.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.identity.ChangeRequest;
import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.identity.RegistryError;
import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.hub.identity.Saved;
import fr.vigie.hub.staff.StaffPrincipal;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.TraitsInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes of the identity registry and the identity-vigilance page. Errors answer
 * {@code {"error": CODE, "message": …}}: 400 for invalid requests, 404 for an unknown record, 409 when
 * the record's RNIV state forbids the action (e.g. {@code RNIV_DOUBTFUL_STAYS_PROV}).
 *
 * <p>Who acts is the signed-in staff account (session or API token, see {@link StaffGuard}), recorded
 * as {@code staff:<login>} on the record and as the actor of the audit entry every change appends
 * ({@code IDENTITY_CREATED}, {@code IDENTITY_TRAITS_CHANGED}, {@code IDENTITY_ACTION},
 * {@code IDENTITY_CHANGE_ACCEPTED}, {@code IDENTITY_CHANGE_REFUSED}). A body naming an {@code operator} is
 * refused ({@code OPERATOR_IN_BODY_REFUSED}). An INS never comes through this API: {@code INSI_RETRIEVED},
 * {@code INSI_VERIFIED}, {@code APCV_QUALIFIED} and any {@code matricule}, {@code oid} or {@code history}
 * are refused ({@code EVIDENCE_REQUIRED}); the REST actions are a document check by the signed-in account
 * (the C axis: VALI, QUAL), attributes and an INS invalidation.
 *
 * <p>The full matricule is shown only in the single-record GET, only to an admin, and only for a QUAL
 * record (DOMAIN §2: the INS is transmitted once qualified); everyone else, every other answer and every
 * PROV, RECUP or VALI record get the masked one.
 *
 * <pre>
 * POST /api/v1/identities                {nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance?,
 *                                         nomUtilise?, prenomUtilise?} → 201 {identity, flagsRaised}
 * PUT  /api/v1/identities/{id}           same body → 200 {identity, flagsRaised} (strict trait changed → PROV)
 * GET  /api/v1/identities/{id}           {id, traits…, ins{matricule?, masked, oid}, status, attributes, document,
 *                                         documentChecks[{document, checkedBy, checkedAt}], insHistory[{masked, oid,
 *                                         source, validFrom?, validTo?, recordedBy, recordedAt}], mergedInto?…}
 * POST /api/v1/identities/{id}/actions   {action: DOCUMENT_CHECKED|ATTRIBUTE_SET|ATTRIBUTE_CLEARED|INS_INVALIDATED,
 *                                         document?, attribute?} → 200 {identity, flagsRaised}
 * GET  /api/v1/vigilance/flags[?all=true] {flags: [{flagId, recordA, recordB?, kind, reasonCode, reason, detectedAt,
 *                                         resolved}]}
 * GET  /api/v1/vigilance/change-requests[?all=true]   {changeRequests: [{requestId, recordId, source, status,
 *                                         current{traits…, status, insMasked}, proposed{traits…, insMasked}, …}]}
 * POST /api/v1/vigilance/change-requests/{id}/accept   {} → 200 {identity, flagsRaised}
 * POST /api/v1/vigilance/change-requests/{id}/refuse   {note?} → 200 the request
 * POST /api/v1/vigilance/flags/{id}/merge  admin: {survivor} → 200 {flagId, survivor{…}, absorbed}: the cell resolves a
 *                                         probable duplicate (DOUB) by merging its records (audited IDENTITY_MERGED)
 * GET  /vigilance                         the identity-vigilance page (French; ?lang=en)
 * </pre>
 */
public final class IdentityRoutes {
    private static final int FLAG_LIMIT = 500;
    private static final int CHANGE_LIMIT = 200;
    private static final ObjectMapper JSON = HttpApi.mapper();

    private final IdentityRegistry registry;
    private final AuditLog audit;
    private final ConsolePage page = new ConsolePage("vigilance");
    private final String script = ConsolePage.resource("console/vigilance.js");

    private IdentityRoutes(IdentityRegistry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, IdentityRegistry registry, AuditLog audit) {
        IdentityRoutes routes = new IdentityRoutes(registry, audit);
        app.post("/api/v1/identities", ctx -> {
            Saved s = registry.create(traits(changeBody(ctx, IdentityJson.TraitsBody.class)), operator(ctx));
            routes.audit(ctx, "IDENTITY_CREATED", s.record(), Map.of("status", s.record().state().status().name()));
            ctx.status(201).json(IdentityJson.of(s));
        });
        app.put("/api/v1/identities/{id}", ctx -> {
            long id = id(ctx);
            Saved s = registry.update(id, traits(changeBody(ctx, IdentityJson.TraitsBody.class)), operator(ctx));
            routes.audit(ctx, "IDENTITY_TRAITS_CHANGED", s.record(), Map.of("status", s.record().state().status().name()));
            ctx.json(IdentityJson.of(s));
        });
        app.get("/api/v1/identities/{id}", routes::one);
        app.post("/api/v1/identities/{id}/actions", routes::action);
        app.get("/api/v1/vigilance/flags", ctx -> ctx.header("Cache-Control", "no-store").json(new IdentityJson.Flags(
                registry.flags("true".equals(ctx.queryParam("all")), FLAG_LIMIT))));
        app.get("/api/v1/vigilance/change-requests", routes::changeRequests);
        app.post("/api/v1/vigilance/change-requests/{id}/accept", ctx -> {
            if (!ctx.body().isBlank()) {
                changeBody(ctx, JsonNode.class); // refuses an operator
            }
            ctx.json(IdentityJson.of(registry.acceptChange(id(ctx), StaffGuard.login(ctx))));
        });
        app.post("/api/v1/vigilance/change-requests/{id}/refuse", ctx -> {
            IdentityJson.RefuseBody b = changeBody(ctx, IdentityJson.RefuseBody.class);
            ChangeRequest r = registry.refuseChange(id(ctx), StaffGuard.login(ctx), b.note());
            ctx.json(IdentityJson.of(r, registry.find(r.recordId()).orElseThrow()));
        });
        app.post("/api/v1/vigilance/flags/{id}/merge", ctx -> {
            long flagId;
            try {
                flagId = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new RegistryRejection(RegistryRejection.Kind.NOT_FOUND, RegistryError.FLAG_NOT_FOUND.name(),
                        "flag ids are numbers");
            }
            IdentityJson.MergeBody b = changeBody(ctx, IdentityJson.MergeBody.class);
            if (b.survivor() == null) {
                throw new BadRequest("survivor", "name the record to keep: {\"survivor\": <record id>}");
            }
            IdentityRegistry.Merged m = registry.merge(flagId, b.survivor(), StaffGuard.login(ctx));
            ctx.json(new IdentityJson.MergedJson(flagId, IdentityJson.of(m.survivor(), false), m.absorbed().id()));
        });
        app.get("/vigilance", ctx -> HttpApi.page(ctx, routes.page));
        app.get("/vigilance.js", ctx -> HttpApi.asset(ctx, "text/javascript; charset=utf-8", routes.script));
        app.exception(RegistryRejection.class, (e, ctx) -> ctx.status(switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        }).json(new HttpApi.ErrorJson(e.code(), null, e.getMessage())));
    }

    private void one(Context ctx) throws RegistryRejection, SQLException {
        IdentityRecord r = registry.find(id(ctx)).orElseThrow(() -> new RegistryRejection(
                RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(),
                "no identity record " + ctx.pathParam("id")));
        StaffPrincipal who = StaffGuard.principal(ctx);
        boolean full = who != null && who.role() == StaffRole.ADMIN && r.state().status() == RnivStatus.QUAL;
        ctx.header("Cache-Control", "no-store").json(IdentityJson.of(r, full, registry.documentChecks(r.id()),
                registry.insHistory(r.id()), registry.mergedInto(r.id()).stream().boxed().findFirst().orElse(null)));
    }

    private void action(Context ctx) throws RegistryRejection, SQLException, BadRequest {
        long id = id(ctx);
        IdentityJson.ActionBody b = changeBody(ctx, IdentityJson.ActionBody.class);
        RnivAction action;
        try {
            action = RnivAction.parse(b.action(), b.document(), b.attribute());
        } catch (RnivException e) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, e.error().name(), e.getMessage());
        }
        if (b.matricule() != null || b.oid() != null || b.history() != null) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, RegistryError.EVIDENCE_REQUIRED.name(),
                    "an INS (matricule, OID, history) never comes through the REST API: only from the hub's own INSi"
                    + " call or a verified ApCV token, at an admission desk");
        }
        IdentityRecord before = registry.find(id).orElse(null);
        Saved s = registry.apply(id, RnivRequest.of(action, operator(ctx)));
        Map<String, String> details = new HashMap<>(Map.of("action", action.kind().name(),
                "to", s.record().state().status().name()));
        if (before != null) {
            details.put("from", before.state().status().name());
        }
        if (action.document() != null) {
            details.put("document", action.document().name());
        }
        if (action.attribute() != null) {
            details.put("attribute", action.attribute().name());
        }
        audit(ctx, "IDENTITY_ACTION", s.record(), details);
        ctx.json(IdentityJson.of(s));
    }

    private void changeRequests(Context ctx) throws SQLException {
        List<IdentityJson.ChangeRequestJson> out = new ArrayList<>();
        for (ChangeRequest c : registry.changeRequests("true".equals(ctx.queryParam("all")), CHANGE_LIMIT)) {
            out.add(IdentityJson.of(c, registry.find(c.recordId()).orElseThrow()));
        }
        ctx.header("Cache-Control", "no-store").json(new IdentityJson.ChangeRequests(out));
    }

    private void audit(Context ctx, String action, IdentityRecord r, Map<String, String> details) throws SQLException {
        audit.append(AuditEntry.of(AuditEntry.staff(StaffGuard.login(ctx)), action, "identity:" + r.id(), details));
    }

    /** Who acts: the signed-in staff account, recorded as {@code staff:<login>}. */
    private static String operator(Context ctx) {
        return "staff:" + AuditEntry.staff(StaffGuard.login(ctx));
    }

    /**
     * The JSON body as {@code type}. The body is well-formed JSON already ({@link fr.vigie.hub.http.RequestGate});
     * a value of the wrong shape is refused here with {@code INVALID_PARAMETER}.
     */
    static <T> T body(Context ctx, Class<T> type) throws BadRequest {
        T body;
        try {
            body = ctx.bodyAsClass(type);
        } catch (Exception e) { // Jackson's mapping errors arrive unchecked-by-sneak from Javalin
            throw new BadRequest("body", "the body is not the JSON object this route takes");
        }
        if (body == null) {
            throw new BadRequest("body", "a JSON object is required");
        }
        return body;
    }

    /**
     * The body of an identity change as {@code type}; one that names an {@code operator} is refused: who acts
     * is the signed-in account, never what a request claims.
     */
    private static <T> T changeBody(Context ctx, Class<T> type) throws BadRequest, RegistryRejection {
        JsonNode tree;
        try {
            tree = JSON.readTree(ctx.body());
        } catch (IOException | RuntimeException e) {
            throw new BadRequest("body", "the body is not the JSON object this route takes");
        }
        if (tree != null && tree.has("operator")) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, RegistryError.OPERATOR_IN_BODY_REFUSED.name(),
                    "operator is the signed-in staff account; a request may not name it");
        }
        return body(ctx, type);
    }

    private static long id(Context ctx) throws RegistryRejection {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RegistryRejection(RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(),
                    "ids are numbers");
        }
    }

    private static TraitsInput traits(IdentityJson.TraitsBody b) {
        return new TraitsInput(b.nomNaissance(), b.listePrenom(), b.sexe(), b.dateNaissance(), b.lieuNaissance(),
                b.nomUtilise(), b.prenomUtilise());
    }
}

package fr.vigie.hub.web;

import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.identity.RegistryError;
import fr.vigie.hub.identity.RegistryRejection;
import fr.vigie.hub.identity.RnivRequest;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivAction;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.TraitsInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes of the identity registry and the identity-vigilance page. Errors answer
 * {@code {"error": CODE, "message": …}}: 400 for invalid requests, 404 for an unknown record, 409 when
 * the record's RNIV state forbids the action (e.g. {@code RNIV_INSI_NOT_ALLOWED}). Only the
 * single-record GET carries the full matricule; every other answer carries the masked one.
 *
 * <pre>
 * POST /api/v1/identities                {operator, nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance?,
 *                                         nomUtilise?, prenomUtilise?} → 201 {identity, flagsRaised}
 * PUT  /api/v1/identities/{id}           same body → 200 {identity, flagsRaised} (strict trait changed → PROV)
 * GET  /api/v1/identities/{id}           {id, traits…, ins{matricule, masked, oid}, status, attributes, document…}
 * POST /api/v1/identities/{id}/actions   {operator, action, document?, attribute?, matricule?, oid?,
 *                                         history?[{matricule, oid, validFrom, validTo}]} → 200 {identity, flagsRaised}
 * GET  /api/v1/vigilance/flags[?all=true] {flags: [{flagId, recordA, recordB, kind, reason, detectedAt, resolved}]}
 * GET  /vigilance                         the identity-vigilance page (French; ?lang=en)
 * </pre>
 */
public final class IdentityRoutes {
    private static final int FLAG_LIMIT = 500;

    private final IdentityRegistry registry;
    private final ConsolePage page = new ConsolePage("console/vigilance.html");
    private final String script = ConsolePage.resource("console/vigilance.js");

    private IdentityRoutes(IdentityRegistry registry) {
        this.registry = registry;
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, IdentityRegistry registry) {
        IdentityRoutes routes = new IdentityRoutes(registry);
        app.post("/api/v1/identities", ctx -> {
            IdentityJson.TraitsBody b = body(ctx, IdentityJson.TraitsBody.class);
            ctx.status(201).json(IdentityJson.of(registry.create(traits(b), b.operator())));
        });
        app.put("/api/v1/identities/{id}", ctx -> {
            IdentityJson.TraitsBody b = body(ctx, IdentityJson.TraitsBody.class);
            ctx.json(IdentityJson.of(registry.update(id(ctx), traits(b), b.operator())));
        });
        app.get("/api/v1/identities/{id}", ctx -> ctx.header("Cache-Control", "no-store").json(IdentityJson.of(
                registry.find(id(ctx)).orElseThrow(() -> new RegistryRejection(RegistryRejection.Kind.NOT_FOUND,
                        RegistryError.IDENTITY_NOT_FOUND.name(), "no identity record " + ctx.pathParam("id"))), true)));
        app.post("/api/v1/identities/{id}/actions", ctx -> ctx.json(IdentityJson.of(
                registry.apply(id(ctx), action(body(ctx, IdentityJson.ActionBody.class))))));
        app.get("/api/v1/vigilance/flags", ctx -> ctx.header("Cache-Control", "no-store").json(new IdentityJson.Flags(
                registry.flags("true".equals(ctx.queryParam("all")), FLAG_LIMIT))));
        app.get("/vigilance", ctx -> HttpApi.page(ctx, routes.page));
        app.get("/vigilance.js", ctx -> HttpApi.asset(ctx, "text/javascript; charset=utf-8", routes.script));
        app.exception(RegistryRejection.class, (e, ctx) -> ctx.status(switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        }).json(new HttpApi.ErrorJson(e.code(), null, e.getMessage())));
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

    private static long id(Context ctx) throws RegistryRejection {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RegistryRejection(RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(),
                    "record ids are numbers");
        }
    }

    private static TraitsInput traits(IdentityJson.TraitsBody b) {
        return new TraitsInput(b.nomNaissance(), b.listePrenom(), b.sexe(), b.dateNaissance(), b.lieuNaissance(),
                b.nomUtilise(), b.prenomUtilise());
    }

    private static RnivRequest action(IdentityJson.ActionBody b) throws RegistryRejection, BadRequest {
        RnivAction action;
        try {
            action = RnivAction.parse(b.action(), b.document(), b.attribute());
        } catch (RnivException e) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, e.error().name(), e.getMessage());
        }
        List<RnivRequest.PastIns> history = new ArrayList<>();
        try {
            Optional<InsMatricule> m = b.matricule() == null ? Optional.empty() : Optional.of(InsMatricule.parse(b.matricule()));
            Optional<InsOid> oid = b.oid() == null ? Optional.empty() : Optional.of(InsOid.parse(b.oid()));
            for (IdentityJson.PastInsBody p : b.history() == null ? List.<IdentityJson.PastInsBody>of() : b.history()) {
                history.add(new RnivRequest.PastIns(InsMatricule.parse(p.matricule()), InsOid.parse(p.oid()),
                        date(p.validFrom()), date(p.validTo())));
            }
            return new RnivRequest(action, m, oid, history, b.operator());
        } catch (IdentityException e) {
            throw new RegistryRejection(RegistryRejection.Kind.INVALID, RegistryError.INS_REJECTED.name(), e.toString());
        }
    }

    private static LocalDate date(String text) throws BadRequest {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest("history", "dates are YYYY-MM-DD");
        }
    }
}

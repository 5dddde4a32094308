package fr.vigie.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.config.ConfigException;
import fr.vigie.config.KioskSettings;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.fleet.FleetRejection;
import fr.vigie.hub.fleet.Rollout;
import fr.vigie.protocol.KioskAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Routes of fleet management. Mutations are audited with the signed-in staff login
 * ({@code ctx.attribute("vigie.staff")}, {@code unknown} without one). Errors answer
 * {@code {"error": CODE, "message": …}}: 400 invalid, 404 unknown, 409 conflict.
 *
 * <pre>
 * GET  /api/v1/config/signing-key                 the hub's configuration public key (PEM)
 * GET  /api/v1/config/groups/{group}              {group, version, settings} of its latest rollout (404 none yet)
 * PUT  /api/v1/config/groups/{group}              body: fleet settings by their dotted names (docs/SETTINGS.md;
 *                                                 absent ones take their defaults) → 202 rollout; 400
 *                                                 {@link SettingRefusal} (SETTING_UNKNOWN, SETTING_RENAMED naming
 *                                                 the name now, SETTING_INVALID, CONFIG_CONTENT_INVALID); {@code targeted} says
 *                                                 how many kiosks it went to; 0 adds warning GROUP_HAS_NO_KIOSK
 *                                                 (recorded as the group's content for kiosks moved in later)
 * POST /api/v1/config/groups/{group}/reissue      {version} → 202 rollout: that version's content as a new version
 * GET  /api/v1/config/rollouts[?group=]           latest rollouts, newest first
 * GET  /api/v1/config/rollouts/{version}          {version, group, settings, reissueOf, actor, createdAt,
 *                                                  counts{PENDING, APPLIED, …}, targeted, warning?, targets[{site, kioskId, state, code, message, …}]}
 * PUT  /api/v1/devices/{site}/{id}/group          {group} → 204, or 202 with the rollout that brings the kiosk
 *                                                 the group's configuration when the group has one
 * POST /api/v1/devices/{site}/{id}/commands       {name, args?} → 202 {requestId, state: SENT, …}
 * GET  /api/v1/devices/{site}/{id}/commands/{requestId}   {requestId, name, state, code, message, details, …}
 * GET  /api/v1/devices/{site}/{id}/refusals       {refusals: [audit entries COMMAND_REJECTED_BY_KIOSK | COMMAND_REFUSED,
 *                                                  details {requestId, code, outcome, message, command?, suppressed?}]},
 *                                                  newest first: what the kiosk refused on its command topic
 * </pre>
 */
public final class FleetRoutes {
    private static final int LIST_LIMIT = 50;

    private FleetRoutes() {
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, Fleet fleet) {
        app.get("/api/v1/config/signing-key", ctx -> ctx.contentType("application/x-pem-file")
                .result(fleet.signingKey().publicKeyPem()));
        app.get("/api/v1/config/groups/{group}", ctx -> {
            Rollout r = fleet.rollouts().latest(ctx.pathParam("group")).orElseThrow(() -> new FleetRejection(
                    FleetRejection.Kind.NOT_FOUND, "GROUP_HAS_NO_CONFIG", "no configuration was rolled out to group '"
                            + ctx.pathParam("group") + "' yet"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("group", r.group());
            out.put("version", r.version());
            // a rollout stored before the settings reference reads with today's names
            out.put("settings", HttpApi.mapper().readTree(KioskSettings.fromStoredJson(
                    r.settings().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toJson()));
            ctx.header("Cache-Control", "no-store").json(out);
        });
        app.put("/api/v1/config/groups/{group}", ctx -> {
            KioskSettings settings;
            try {
                settings = KioskSettings.fromJson(ctx.bodyAsBytes());
            } catch (ConfigException e) {
                ctx.status(400).json(SettingRefusal.of(e));
                return;
            }
            ctx.status(202).json(fleet.rollouts().rollOut(ctx.pathParam("group"), settings, AuditRoutes.actor(ctx)));
        });
        app.post("/api/v1/config/groups/{group}/reissue", ctx -> {
            JsonNode version = body(ctx).get("version");
            if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) {
                throw new BadRequest("version", "version must be the whole number of an earlier rollout");
            }
            ctx.status(202).json(fleet.rollouts().reissue(ctx.pathParam("group"), version.longValue(),
                    AuditRoutes.actor(ctx)));
        });
        app.get("/api/v1/config/rollouts", ctx -> ctx.header("Cache-Control", "no-store").json(Map.of("rollouts",
                fleet.rollouts().list(ctx.queryParam("group"), LIST_LIMIT))));
        app.get("/api/v1/config/rollouts/{version}", ctx -> ctx.header("Cache-Control", "no-store").json(
                fleet.rollouts().find(number(ctx.pathParam("version"))).orElseThrow(() -> new FleetRejection(
                        FleetRejection.Kind.NOT_FOUND, "ROLLOUT_NOT_FOUND", "no rollout " + ctx.pathParam("version")))));
        app.put("/api/v1/devices/{site}/{id}/group", ctx -> {
            JsonNode group = body(ctx).get("group");
            if (group == null || !group.isTextual()) {
                throw new BadRequest("group", "group must be a string");
            }
            var catchUp = fleet.groups().assign(kiosk(ctx), group.textValue(), AuditRoutes.actor(ctx));
            if (catchUp.isPresent()) {
                ctx.status(202).json(catchUp.get());
            } else {
                ctx.status(204);
            }
        });
        app.post("/api/v1/devices/{site}/{id}/commands", ctx -> {
            JsonNode b = body(ctx);
            JsonNode name = b.get("name");
            if (name == null || !name.isTextual()) {
                throw new BadRequest("name", "name must be a command name such as diagnostics");
            }
            Map<String, String> args = new LinkedHashMap<>();
            JsonNode a = b.get("args");
            if (a != null && !a.isNull()) {
                if (!a.isObject()) {
                    throw new BadRequest("args", "args must be an object of strings");
                }
                for (var e : a.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new BadRequest("args", "args." + e.getKey() + " must be a string");
                    }
                    args.put(e.getKey(), e.getValue().textValue());
                }
            }
            ctx.status(202).json(fleet.commands().send(kiosk(ctx), name.textValue(), args, AuditRoutes.actor(ctx)));
        });
        app.get("/api/v1/devices/{site}/{id}/commands/{requestId}", ctx -> ctx.header("Cache-Control", "no-store")
                .json(fleet.commands().find(kiosk(ctx), ctx.pathParam("requestId")).orElseThrow(() -> new FleetRejection(
                        FleetRejection.Kind.NOT_FOUND, "COMMAND_NOT_FOUND", "no command " + ctx.pathParam("requestId")
                                + " was sent to this kiosk"))));
        app.get("/api/v1/devices/{site}/{id}/refusals", ctx -> ctx.header("Cache-Control", "no-store").json(
                Map.of("refusals", fleet.commands().refusals(kiosk(ctx), LIST_LIMIT))));
        app.exception(FleetRejection.class, (e, ctx) -> ctx.status(switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        }).json(new HttpApi.ErrorJson(e.code(), null, e.getMessage())));
    }

    private static JsonNode body(Context ctx) throws BadRequest {
        try {
            JsonNode b = HttpApi.mapper().readTree(ctx.body());
            if (b == null || !b.isObject()) {
                throw new BadRequest("body", "a JSON object is required");
            }
            return b;
        } catch (java.io.IOException e) {
            throw new BadRequest("body", "the body is not JSON");
        }
    }

    private static KioskAddress kiosk(Context ctx) throws FleetRejection {
        String site = ctx.pathParam("site");
        String id = ctx.pathParam("id");
        if (!KioskAddress.isValidId(site) || !KioskAddress.isValidId(id)) {
            throw new FleetRejection(FleetRejection.Kind.NOT_FOUND, "DEVICE_NOT_FOUND", "no such kiosk");
        }
        return KioskAddress.of(site, id);
    }

    private static long number(String s) throws FleetRejection {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new FleetRejection(FleetRejection.Kind.NOT_FOUND, "ROLLOUT_NOT_FOUND", "rollout versions are numbers");
        }
    }
}

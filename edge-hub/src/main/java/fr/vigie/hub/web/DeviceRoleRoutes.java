package fr.vigie.hub.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.hub.agent.AgentBinding;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.protocol.KioskAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * IT declares which kiosks are admission desks; the hub, not the kiosk, decides (see
 * {@link fr.vigie.hub.device.DeviceRoles}). Changes need the admin role (viewers only read) and are
 * audited as {@code DEVICE_ROLE_CHANGED} with the signed-in login. Errors answer
 * {@code {"error": CODE, "message": …}}.
 *
 * <pre>
 * GET /api/v1/devices/{site}/{id}/role   {site, kioskId, role, agent: {agent, method, kioskSessionId, boundAt, expiresAt} | absent}
 * PUT /api/v1/devices/{site}/{id}/role   {role: ADMISSION_DESK | WORKSTATION} → the same, plus changed: true|false
 *   → 400 INVALID_PARAMETER (role), 404 DEVICE_NOT_FOUND (not a kiosk address)
 * </pre>
 */
public final class DeviceRoleRoutes {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoleJson(String site, String kioskId, String role, Boolean changed, AgentJson agent) {
    }

    record AgentJson(String agent, String method, String kioskSessionId, Instant boundAt, Instant expiresAt) {
    }

    private DeviceRoleRoutes() {
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, ProvenAgents agents) {
        app.get("/api/v1/devices/{site}/{id}/role", ctx -> {
            KioskAddress kiosk = kiosk(ctx);
            if (kiosk != null) {
                answer(ctx, kiosk, agents.roles().of(kiosk), null, agents.current(kiosk));
            }
        });
        app.put("/api/v1/devices/{site}/{id}/role", ctx -> {
            KioskAddress kiosk = kiosk(ctx);
            if (kiosk == null) {
                return;
            }
            DeviceRole role = role(ctx);
            boolean changed = agents.roles().set(kiosk, role, AuditRoutes.actor(ctx));
            answer(ctx, kiosk, role, changed, agents.current(kiosk));
        });
    }

    private static void answer(Context ctx, KioskAddress kiosk, DeviceRole role, Boolean changed,
            Optional<AgentBinding> binding) {
        AgentJson agent = binding.map(b -> new AgentJson(b.agent().value(), b.method().name(), b.kioskSessionId(),
                b.boundAt(), b.expiresAt())).orElse(null);
        ctx.header("Cache-Control", "no-store").json(new RoleJson(kiosk.site(), kiosk.kioskId(), role.name(), changed,
                role == DeviceRole.ADMISSION_DESK ? agent : null));
    }

    private static DeviceRole role(Context ctx) throws BadRequest {
        JsonNode body;
        try {
            body = HttpApi.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw new BadRequest("body", "the body is not JSON");
        }
        JsonNode role = body == null ? null : body.get("role");
        return DeviceRole.parse(role == null || !role.isTextual() ? null : role.textValue()).orElseThrow(() ->
                new BadRequest("role", "role must be one of " + Arrays.toString(DeviceRole.values())));
    }

    private static KioskAddress kiosk(Context ctx) {
        String site = ctx.pathParam("site");
        String id = ctx.pathParam("id");
        if (!KioskAddress.isValidId(site) || !KioskAddress.isValidId(id)) {
            ctx.status(404).json(new HttpApi.ErrorJson("DEVICE_NOT_FOUND", null, "no such kiosk"));
            return null;
        }
        return KioskAddress.of(site, id);
    }
}

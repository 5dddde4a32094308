package fr.vigie.hub.enrol;

import fr.vigie.hub.staff.SignedInStaff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.EnrolmentError;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IT routes of enrolment and revocation on the hub's REST API. Mutating routes are for the
 * {@code admin} role (enforced by the staff sign-in in front of {@code /api/**}); the acting login is
 * read from {@code ctx.attribute("vigie.staff")} for the audit log.
 *
 * <pre>
 * GET  /api/v1/enrolments?status=PENDING|ISSUED|REJECTED   [EnrolmentView…], newest first (200 at most)
 * GET  /api/v1/enrolments/{id}                             EnrolmentView
 * POST /api/v1/enrolments/{id}/approve  {enrolmentCode}    EnrolmentView (ISSUED); the code IT read on the kiosk
 * POST /api/v1/enrolments/{id}/reject   {reason}           EnrolmentView (REJECTED)
 * POST /api/v1/enrolments/tokens {kioskId, site?, ttlHours?} {id, site, kioskId, token, expiresAt}: the token is shown once
 * POST /api/v1/devices/{site}/{kioskId}/revoke {reason?}   {revoked: [serial…]}; reason KEY_COMPROMISE by default
 * </pre>
 */
public final class EnrolmentAdminRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAFF = SignedInStaff.LOGIN;

    private EnrolmentAdminRoutes() {
    }

    /** The status asked for in a query, or null for every status. */
    private static EnrolmentStatus status(String asked) throws EnrolmentRefused {
        if (asked == null) {
            return null;
        }
        try {
            return EnrolmentStatus.valueOf(asked);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "status must be one of "
                    + Arrays.toString(EnrolmentStatus.values()));
        }
    }

    public static void mount(Javalin app, Enrolments enrolments) {
        RefusalJson.install(app);
        app.get("/api/v1/enrolments", ctx -> {
            ctx.header("Cache-Control", "no-store").json(enrolments.list(status(ctx.queryParam("status")), 200));
        });
        app.get("/api/v1/enrolments/{id}", ctx -> ctx.json(enrolments.find(RefusalJson.id(ctx))));
        app.post("/api/v1/enrolments/tokens", ctx -> token(ctx, enrolments));
        app.post("/api/v1/enrolments/{id}/approve", ctx -> ctx.json(enrolments.approve(RefusalJson.id(ctx),
                text(ctx, "enrolmentCode", null), actor(ctx))));
        app.post("/api/v1/enrolments/{id}/reject", ctx -> ctx.json(enrolments.reject(RefusalJson.id(ctx),
                text(ctx, "reason", null), actor(ctx))));
        app.post("/api/v1/devices/{site}/{kioskId}/revoke", ctx -> {
            String reason = text(ctx, "reason", RevocationReason.KEY_COMPROMISE.name());
            RevocationReason r;
            try {
                r = RevocationReason.valueOf(reason);
            } catch (IllegalArgumentException e) {
                throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "reason '" + reason + "' is not one of "
                        + java.util.Arrays.toString(RevocationReason.values()));
            }
            ctx.json(Map.of("revoked", enrolments.revoke(kiosk(ctx.pathParam("site"), ctx.pathParam("kioskId")), r,
                    actor(ctx))));
        });
    }

    private static void token(Context ctx, Enrolments enrolments) throws Exception {
        String site = text(ctx, "site", enrolments.siteCa().settings().site());
        KioskAddress kiosk = kiosk(site, text(ctx, "kioskId", null));
        long hours;
        try {
            hours = Long.parseLong(text(ctx, "ttlHours", "24"));
        } catch (NumberFormatException e) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "ttlHours must be a whole number of hours");
        }
        BootstrapToken t = enrolments.issueToken(kiosk, Duration.ofHours(hours), actor(ctx));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("site", kiosk.site());
        out.put("kioskId", kiosk.kioskId());
        out.put("token", t.value());
        out.put("expiresAt", t.expiresAt().toString());
        ctx.status(201).header("Cache-Control", "no-store").json(out);
    }

    private static String actor(Context ctx) {
        Object staff = ctx.attribute(STAFF);
        return staff == null ? null : staff.toString();
    }

    private static KioskAddress kiosk(String site, String kioskId) throws EnrolmentRefused {
        if (!KioskAddress.isValidId(site) || !KioskAddress.isValidId(kioskId)) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "'" + site + "/" + kioskId
                    + "' is not a kiosk (ids of a-z, 0-9 and '-')");
        }
        return KioskAddress.of(site, kioskId);
    }

    /** A text (or number) field of the JSON body; {@code fallback} when absent, refused when absent without one. */
    private static String text(Context ctx, String field, String fallback) throws EnrolmentRefused {
        JsonNode body;
        try {
            byte[] raw = ctx.bodyAsBytes();
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "body is not JSON");
        }
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "body needs '" + field + "'");
            }
            return fallback;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "'" + field + "' must be text");
        }
        return v.asText();
    }
}

package fr.vigie.hub.gam;

import fr.vigie.hub.staff.SignedInStaff;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GAM feed on the hub's REST API, for IT (the staff sign-in in front of {@code /api/**} lets viewers read and
 * admins act; the acting login is {@code ctx.attribute("vigie.staff")}). The console's page {@code /gam} reads the
 * same routes. No answer carries a message's HL7 text (it may hold a full INS). Refusals:
 * {@code {"error", "message"}} with 400 {@code INVALID_PARAMETER}, 404 {@code GAM_MESSAGE_NOT_FOUND}, 409
 * {@code GAM_MESSAGE_NOT_FAILED}.
 *
 * <pre>
 * GET  /api/v1/gam/status                      {enabled, destination, tls, sending, connected, lastDeliveredAt,
 *                                               lastError, lastErrorAt, nextAttemptAt,
 *                                               counts{waiting, failed, delivered, oldestWaitingSince}}
 * GET  /api/v1/gam/messages?state=PENDING|FAILED|DONE&amp;limit=   {messages: [OutboxMessage…]}: waiting and refused
 *                                               ones oldest first, delivered ones newest first (limit 1–500, 100)
 * GET  /api/v1/gam/messages/{id}               one message
 * POST /api/v1/gam/messages/{id}/resend        admin: a refused message waits again at its place → the message;
 *                                               audited GAM_MESSAGE_RESENT
 * </pre>
 */
public final class GamRoutes {
    private static final String STAFF = SignedInStaff.LOGIN;

    private GamRoutes() {
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, GamLink gam, Clock clock) {
        app.get("/api/v1/gam/status", ctx -> ctx.header("Cache-Control", "no-store").json(gam.status()));
        app.get("/api/v1/gam/messages", ctx -> ctx.header("Cache-Control", "no-store").json(Map.of("messages",
                gam.outbox().list(state(ctx), limit(ctx)))));
        app.get("/api/v1/gam/messages/{id}", ctx -> {
            long id = id(ctx);
            ctx.header("Cache-Control", "no-store").json(gam.outbox().find(id).orElseThrow(() -> GamRefusal.notFound(id)));
        });
        app.post("/api/v1/gam/messages/{id}/resend", ctx -> ctx.json(gam.outbox().resend(id(ctx),
                ctx.attribute(STAFF), clock.instant())));
        app.exception(GamRefusal.class, (e, ctx) -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            ctx.status(e.status()).json(body);
        });
    }

    private static OutboxMessage.State state(Context ctx) throws GamRefusal {
        String s = ctx.queryParam("state");
        if (s == null) {
            return OutboxMessage.State.PENDING;
        }
        try {
            return OutboxMessage.State.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GamRefusal(400, GamRefusal.INVALID, "state must be one of "
                    + List.of(OutboxMessage.State.values()) + ", got '" + shown(s) + "'");
        }
    }

    private static int limit(Context ctx) throws GamRefusal {
        String s = ctx.queryParam("limit");
        if (s == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new GamRefusal(400, GamRefusal.INVALID, "limit must be a number from 1 to 500, got '" + shown(s) + "'");
    }

    private static long id(Context ctx) throws GamRefusal {
        String s = ctx.pathParam("id");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new GamRefusal(404, GamRefusal.NOT_FOUND, "message ids are numbers, got '" + shown(s) + "'");
        }
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

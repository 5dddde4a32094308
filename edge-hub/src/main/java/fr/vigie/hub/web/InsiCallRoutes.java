package fr.vigie.hub.web;

import fr.vigie.hub.insi.InsiCallLog;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every INSi call the hub made, for IT: admins only (a viewer gets 403 {@code STAFF_ROLE_FORBIDDEN}),
 * since the rows hold the traits sent. No full matricule is in them (Vitale matricules and the INS
 * returned are masked). Oldest first; errors as 400 {@code INVALID_PARAMETER}.
 * <pre>
 * GET /api/v1/insi/calls?record=&amp;kiosk=&amp;agent=&amp;outcome=&amp;warning=&amp;from=&amp;to=&amp;after=&amp;limit=
 *     {calls: [{callId, startedAt, durationMs, kiosk, agent, recordId, operation, queryKind, query{…},
 *               messageId, attempts, outcome, matched, faultSubcode, faultDetail, warning, insMasked}], next}
 * </pre>
 */
public final class InsiCallRoutes {
    private static final Set<String> KNOWN = Set.of("record", "kiosk", "agent", "outcome", "warning", "from", "to",
            "after", "limit");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    /** The answer: a page and the cursor to the next one ({@code null} when there is no more). */
    record CallsPage(List<InsiCallLog.Call> calls, String next) {
    }

    private InsiCallRoutes() {
    }

    /** Adds the route to {@code app}. */
    public static void mount(Javalin app, InsiCallLog calls) {
        app.get("/api/v1/insi/calls", ctx -> {
            StaffGuard.requireAdmin(ctx);
            InsiCallLog.Page page = calls.find(filter(ctx.queryParamMap()));
            ctx.header("Cache-Control", "no-store").json(new CallsPage(page.calls(),
                    page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
        });
    }

    static InsiCallLog.Filter filter(Map<String, List<String>> query) throws BadRequest {
        EventQueryParams.onlyKnown(query, KNOWN);
        Instant from = EventQueryParams.instant(query, "from");
        Instant to = EventQueryParams.instant(query, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        return new InsiCallLog.Filter(number(query, "record"), EventQueryParams.one(query, "kiosk"),
                EventQueryParams.one(query, "agent"), EventQueryParams.one(query, "outcome"),
                EventQueryParams.one(query, "warning"), from, to,
                number(query, "after") == null ? 0 : number(query, "after"),
                EventQueryParams.limit(EventQueryParams.one(query, "limit")));
    }

    private static Long number(Map<String, List<String>> query, String name) throws BadRequest {
        String v = EventQueryParams.one(query, name);
        if (v == null) {
            return null;
        }
        if (!DIGITS.matcher(v).matches()) {
            throw new BadRequest(name, name + " '" + EventQueryParams.shown(v) + "' is not a number");
        }
        return Long.parseLong(v);
    }
}

package fr.vigie.hub.web;

import fr.vigie.hub.staff.SignedInStaff;
import fr.vigie.hub.audit.AuditAnchor;
import fr.vigie.hub.audit.AuditCategory;
import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.AuditQuery;
import fr.vigie.hub.audit.AuditRecord;
import fr.vigie.hub.audit.AuditVerification;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Routes of the audit log. The acting staff member is read from {@code ctx.attribute("vigie.staff")}
 * (set by the staff sign-in in front of every {@code /api/**} route), {@code unknown} without one.
 *
 * <pre>
 * GET  /api/v1/audit?actor=&amp;action=&amp;category=&amp;subject=&amp;from=&amp;to=&amp;after=&amp;limit=
 *        category: one of {@link AuditCategory} by its id ({@code signins}, {@code enrolment}…), the entries whose
 *        action is one of its codes; another value is 400 INVALID_PARAMETER (parameter {@code category})
 *        {entries: [{seq, recordedAt, actor, action, subject, details, prevHash, hash}], next}
 * POST /api/v1/audit/verify
 *        {intact, entriesChecked, headSeq, headHash, anchor: {seq, hash, exportedAt} | null,
 *         problem: {code, position, message} | null}
 *        the chain, and the chain against the last head the hub exported outside the database
 *        ({@link AuditAnchor}); always 200; the verification itself is then audited as AUDIT_VERIFIED
 * </pre>
 */
public final class AuditRoutes {
    /** The request attribute holding the signed-in staff login. */
    public static final String STAFF = SignedInStaff.LOGIN;
    private static final Set<String> KNOWN = Set.of("actor", "action", "category", "subject", "from", "to", "after", "limit");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    /** A page of entries and the cursor to the next one ({@code null} when there is no more). */
    record EntriesPage(List<AuditRecord> entries, String next) {
    }

    private AuditRoutes() {
    }

    /** Adds the routes to {@code app}; verification checks against {@code anchor}'s last exported head. */
    public static void mount(Javalin app, AuditLog audit, AuditAnchor anchor) {
        app.get("/api/v1/audit", ctx -> {
            AuditLog.Page page = audit.find(query(ctx.queryParamMap()));
            ctx.header("Cache-Control", "no-store").json(new EntriesPage(page.entries(),
                    page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
        });
        app.post("/api/v1/audit/verify", ctx -> {
            AuditVerification v = anchor.verify();
            audit.append(AuditEntry.of(actor(ctx), "AUDIT_VERIFIED", "audit-log", Map.of("intact",
                    Boolean.toString(v.intact()), "entries", Long.toString(v.entriesChecked()), "result",
                    v.intact() ? "OK" : v.problem().code() + "@" + v.problem().position(), "anchor",
                    v.anchor() == null ? "none" : Long.toString(v.anchor().seq()))));
            ctx.header("Cache-Control", "no-store").json(v);
        });
    }

    /** The acting staff login of this request, for the audit log. */
    public static String actor(Context ctx) {
        Object staff = ctx.attribute(STAFF);
        return AuditEntry.staff(staff instanceof String s ? s : null);
    }

    static AuditQuery query(Map<String, List<String>> query) throws BadRequest {
        EventQueryParams.onlyKnown(query, KNOWN);
        Instant from = EventQueryParams.instant(query, "from");
        Instant to = EventQueryParams.instant(query, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        String after = EventQueryParams.one(query, "after");
        if (after != null && !DIGITS.matcher(after).matches()) {
            throw new BadRequest("after", "after '" + EventQueryParams.shown(after)
                    + "' is not a position (the 'next' of a previous page)");
        }
        String categoryId = EventQueryParams.one(query, "category");
        AuditCategory category = null;
        if (categoryId != null) {
            category = AuditCategory.byId(categoryId).orElseThrow(() -> new BadRequest("category", "category '"
                    + EventQueryParams.shown(categoryId) + "' is not one of " + Arrays.stream(AuditCategory.values())
                            .map(AuditCategory::id).toList()));
        }
        return new AuditQuery(EventQueryParams.one(query, "actor"), EventQueryParams.one(query, "action"),
                category == null ? null : category.actions(), EventQueryParams.one(query, "subject"), from, to, after == null ? 0 : Long.parseLong(after),
                EventQueryParams.limit(EventQueryParams.one(query, "limit")));
    }
}

package fr.vigie.hub.web;

import fr.vigie.hub.audit.AuditEntry;
import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.audit.RefusalSummary;
import fr.vigie.hub.http.SourceAddress;
import fr.vigie.hub.staff.ApiTokens;
import fr.vigie.hub.staff.StaffAccounts;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.hub.staff.StaffError;
import fr.vigie.hub.staff.StaffPrincipal;
import fr.vigie.hub.staff.StaffRejection;
import fr.vigie.hub.staff.StaffRole;
import fr.vigie.hub.staff.SignInThrottle;
import fr.vigie.hub.staff.StaffSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Sign-in, sign-out and staff management, and the {@link StaffGuard} in front of everything else.
 *
 * <pre>
 * GET    /signin                              sign-in page (French; ?lang=en)
 * POST   /api/v1/session                      {login, password} → 200 {login, role, csrf} + session cookie;
 *                                             401 STAFF_SIGNIN_FAILED, 429 STAFF_SIGNIN_THROTTLED (Retry-After),
 *                                             held back per source address and per login ({@link SignInThrottle})
 * GET    /api/v1/session                      {login, role, csrf} (csrf null for an API token)
 * DELETE /api/v1/session                      signs out → 204
 * GET    /api/v1/staff/accounts               [{login, role, createdAt, createdBy}]
 * POST   /api/v1/staff/accounts               {login, role, password} → 201          (admin)
 * POST   /api/v1/staff/accounts/{login}/password {password} → 204                    (admin)
 * DELETE /api/v1/staff/accounts/{login}       → 204                                   (admin)
 * GET    /api/v1/staff/tokens                 [{id, login, role, label, createdAt, createdBy, revokedAt}]
 * POST   /api/v1/staff/tokens                 {login?, role, label} → 201 {id, token} (admin; shown once)
 * DELETE /api/v1/staff/tokens/{id}            → 204                                   (admin)
 * GET    /api/v1/staff/signin-locks           {locks: [{kind: login|source, name, failures, lockedUntil, locked}]}
 * POST   /api/v1/staff/signin-locks/lift      {login} or {source} → 204; 404 STAFF_NOT_FOUND when nothing counted (admin)
 * </pre>
 * Refusals answer {@code {"error": CODE, "message": …}} with the code's status ({@link StaffError}).
 * Audited: {@code STAFF_SIGNED_IN}, {@code STAFF_SIGNIN_FAILED} (each attempt whose password was checked),
 * {@code STAFF_SIGNIN_THROTTLED} (attempts refused unchecked, summarised per source address and minute),
 * {@code STAFF_SIGNIN_LOCK_LIFTED}, {@code STAFF_ACCOUNT_CREATED}, {@code STAFF_PASSWORD_CHANGED},
 * {@code STAFF_ACCOUNT_DELETED}, {@code STAFF_TOKEN_ISSUED}, {@code STAFF_TOKEN_REVOKED}; subjects
 * {@code staff:<login>}, {@code source:<address>} or {@code token:<id>}, never a password or a token.
 */
public final class StaffRoutes {
    static final String SESSION = "/api/v1/session";

    record SignInBody(String login, String password) {
    }

    record SessionJson(String login, String role, String csrf) {
        static SessionJson of(StaffPrincipal p) {
            return new SessionJson(p.login(), p.role().name().toLowerCase(java.util.Locale.ROOT), p.csrfToken());
        }
    }

    record AccountBody(String login, String role, String password) {
    }

    record PasswordBody(String password) {
    }

    record TokenBody(String login, String role, String label) {
    }

    record LiftBody(String login, String source) {
    }

    record LocksJson(List<SignInThrottle.Lock> locks) {
    }

    private StaffRoutes() {
    }

    /**
     * Installs the guard and the routes on {@code app}; sign-ins refused unchecked by the throttle are
     * counted in {@code throttled}.
     */
    public static void mount(Javalin app, StaffDirectory staff, AuditLog audit, RefusalSummary throttled) {
        StaffGuard guard = new StaffGuard(staff);
        ConsolePage signinPage = new ConsolePage("signin");
        String signinJs = ConsolePage.resource("console/signin.js");
        app.before(guard::handle);
        app.get("/signin", ctx -> HttpApi.page(ctx, signinPage));
        app.get("/signin.js", ctx -> HttpApi.asset(ctx, "text/javascript; charset=utf-8", signinJs));
        app.post(SESSION, ctx -> signIn(ctx, staff, audit, throttled));
        app.get(SESSION, ctx -> ctx.header("Cache-Control", "no-store").json(SessionJson.of(StaffGuard.principal(ctx))));
        app.delete(SESSION, ctx -> {
            staff.sessions().close(ctx.cookie(StaffGuard.COOKIE));
            ctx.header("Set-Cookie", cookie(ctx, "", 0)).status(204);
        });
        app.get("/api/v1/staff/accounts", ctx -> ctx.json(staff.accounts().list()));
        app.post("/api/v1/staff/accounts", ctx -> {
            AccountBody b = IdentityRoutes.body(ctx, AccountBody.class);
            StaffRole role = StaffRole.parse(b.role());
            staff.accounts().create(b.login(), role, chars(b.password()), StaffGuard.login(ctx));
            audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_ACCOUNT_CREATED", "staff:" + b.login(),
                    Map.of("role", role.name().toLowerCase(java.util.Locale.ROOT))));
            ctx.status(201).json(Map.of("login", b.login()));
        });
        app.post("/api/v1/staff/accounts/{login}/password", ctx -> {
            staff.accounts().changePassword(ctx.pathParam("login"), chars(IdentityRoutes.body(ctx, PasswordBody.class).password()));
            audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_PASSWORD_CHANGED", "staff:" + ctx.pathParam("login"),
                    Map.of()));
            ctx.status(204);
        });
        app.delete("/api/v1/staff/accounts/{login}", ctx -> {
            if (!staff.accounts().delete(ctx.pathParam("login"))) {
                throw new StaffRejection(StaffError.STAFF_NOT_FOUND, "no staff account '" + ctx.pathParam("login") + "'");
            }
            audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_ACCOUNT_DELETED", "staff:" + ctx.pathParam("login"),
                    Map.of()));
            ctx.status(204);
        });
        app.get("/api/v1/staff/tokens", ctx -> ctx.json(staff.tokens().list()));
        app.post("/api/v1/staff/tokens", ctx -> {
            TokenBody b = IdentityRoutes.body(ctx, TokenBody.class);
            String login = b.login() == null ? StaffGuard.login(ctx) : b.login();
            StaffRole role = StaffRole.parse(b.role());
            ApiTokens.Issued issued = staff.tokens().issue(login, role, b.label(), StaffGuard.login(ctx));
            audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_TOKEN_ISSUED", "token:" + issued.id(),
                    Map.of("login", login, "role", role.name().toLowerCase(java.util.Locale.ROOT))));
            ctx.header("Cache-Control", "no-store").status(201).json(issued);
        });
        app.delete("/api/v1/staff/tokens/{id}", ctx -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (!staff.tokens().revoke(id)) {
                throw new StaffRejection(StaffError.STAFF_NOT_FOUND, "no live token " + ctx.pathParam("id"));
            }
            audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_TOKEN_REVOKED", "token:" + id, Map.of()));
            ctx.status(204);
        });
        app.get("/api/v1/staff/signin-locks", ctx -> ctx.json(new LocksJson(staff.accounts().signInLocks())));
        app.post("/api/v1/staff/signin-locks/lift", ctx -> lift(ctx, staff, audit));
        app.exception(StaffRejection.class, (e, ctx) -> {
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
            }
            if (e.error() == StaffError.STAFF_SIGNIN_REQUIRED) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"vigie\"");
            }
            ctx.status(e.error().httpStatus()).json(new HttpApi.ErrorJson(e.error().name(), null, e.getMessage()));
        });
    }

    private static void signIn(Context ctx, StaffDirectory staff, AuditLog audit, RefusalSummary throttled)
            throws Exception {
        SignInBody b = IdentityRoutes.body(ctx, SignInBody.class);
        StaffAccounts accounts = staff.accounts();
        char[] password = chars(b.password());
        String login = b.login() == null ? "" : b.login().trim().toLowerCase(java.util.Locale.ROOT);
        String subject = "staff:" + (login.matches("[a-z0-9._-]{1,64}") ? login : "?");
        String source = SourceAddress.of(ctx);
        StaffRole role;
        try {
            role = accounts.signIn(login, password, source);
        } catch (StaffRejection e) {
            if (e.error() == StaffError.STAFF_SIGNIN_THROTTLED) {
                throttled.count(source, e.error().name());
            } else {
                audit.append(new AuditEntry(AuditEntry.HUB, "STAFF_SIGNIN_FAILED", subject,
                        Map.of("code", e.error().name(), "remote", source)));
            }
            throw e;
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
        audit.append(new AuditEntry(login, "STAFF_SIGNED_IN", subject, Map.of("remote", source)));
        StaffSessions.Opened opened = staff.sessions().open(login, role);
        ctx.header("Set-Cookie", cookie(ctx, opened.cookie(), -1))
                .header("Cache-Control", "no-store").json(SessionJson.of(opened.principal()));
    }

    /** IT lifts the lock of a login or of an address: its failures are forgotten and it may try again at once. */
    private static void lift(Context ctx, StaffDirectory staff, AuditLog audit) throws Exception {
        LiftBody b = IdentityRoutes.body(ctx, LiftBody.class);
        if ((b.login() == null) == (b.source() == null)) {
            throw new BadRequest("body", "give either a login or a source address");
        }
        boolean lifted = b.login() != null ? staff.accounts().liftLoginLock(b.login().trim().toLowerCase(java.util.Locale.ROOT))
                : staff.accounts().liftSourceLock(b.source().trim());
        String subject = b.login() != null ? "staff:" + b.login().trim().toLowerCase(java.util.Locale.ROOT)
                : "source:" + b.source().trim();
        if (!lifted) {
            throw new StaffRejection(StaffError.STAFF_NOT_FOUND, "no failed sign-ins are counted for " + subject);
        }
        audit.append(new AuditEntry(StaffGuard.login(ctx), "STAFF_SIGNIN_LOCK_LIFTED", subject, Map.of()));
        ctx.status(204);
    }

    /**
     * The session cookie: HttpOnly, SameSite=Strict, Secure under HTTPS; a browser-session cookie
     * ({@code maxAge} -1: the hub enforces expiry) or, with 0, the cookie that clears it.
     */
    static String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme());
        return StaffGuard.COOKIE + "=" + value + "; Path=/" + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

}

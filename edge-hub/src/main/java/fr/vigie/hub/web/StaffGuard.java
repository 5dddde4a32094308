package fr.vigie.hub.web;

import fr.vigie.hub.staff.SignedInStaff;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.hub.staff.StaffError;
import fr.vigie.hub.staff.StaffPrincipal;
import fr.vigie.hub.staff.StaffRejection;
import fr.vigie.hub.staff.StaffRole;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code before} filter in front of every route of the hub's HTTP server except {@code /healthz},
 * {@code /metrics}, the FHIR API {@code /fhir/**} (which checks its own callers' tokens), reads of {@code /pki/**} (IGC-Santé CRLs: public, signed data that
 * kiosks fetch before they have any credential), static assets, the sign-in page and the sign-in request itself:
 * <ul>
 * <li>authenticates the caller by {@code Authorization: Bearer vigie_…} (CLI) or the
 * {@value #COOKIE} session cookie (browser); otherwise 401 {@code STAFF_SIGNIN_REQUIRED} for the API,
 * a redirect to {@code /signin?next=…} for a page;</li>
 * <li>lets a viewer only read (GET, HEAD) and sign out: anything else is 403 {@code STAFF_ROLE_FORBIDDEN}; an
 * application ({@code FHIR_READER}) gets 403 everywhere here;</li>
 * <li>refuses a mutating request whose {@code Origin} is not the hub's own ({@code ORIGIN_REFUSED}), and
 * a mutating browser request without the session's token in {@value #CSRF_HEADER}
 * ({@code CSRF_TOKEN_INVALID});</li>
 * <li>sets {@code ctx.attribute("vigie.staff")} to the caller's login, which route handlers use as the
 * audit actor ({@link #login(Context)}).</li>
 * </ul>
 * The security headers are set before it ({@link SecurityHeaders}), and the {@code Host} and the body
 * checked ({@link fr.vigie.hub.http.RequestGate}).
 * Thread-safe.
 */
final class StaffGuard {
    /** Request attribute holding the caller's login (a String). */
    static final String ATTRIBUTE = SignedInStaff.LOGIN;
    static final String PRINCIPAL = SignedInStaff.PRINCIPAL;
    static final String COOKIE = "vigie_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Pattern ASSET = Pattern.compile("/[a-z0-9-]+\\.(js|css)|/favicon\\.ico");

    private final StaffDirectory staff;

    StaffGuard(StaffDirectory staff) {
        this.staff = staff;
    }

    /** The login of the staff member behind this request (set by the filter). */
    static String login(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    static StaffPrincipal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** For a route only admins may use, reads included: 403 {@code STAFF_ROLE_FORBIDDEN} for anyone else. */
    static void requireAdmin(Context ctx) throws StaffRejection {
        StaffPrincipal p = principal(ctx);
        if (p == null || p.role() != StaffRole.ADMIN) {
            throw new StaffRejection(StaffError.STAFF_ROLE_FORBIDDEN, "only an admin may read this");
        }
    }

    void handle(Context ctx) throws StaffRejection, SQLException {
        String path = ctx.path();
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            return; // the FHIR API checks its callers' tokens itself (fr.vigie.hub.fhir.FhirRoutes)
        }
        boolean reads = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
                || ctx.method() == HandlerType.OPTIONS;
        if (!reads) {
            checkOrigin(ctx);
        }
        if (isPublic(path, reads, ctx.method())) {
            return;
        }
        Optional<StaffPrincipal> who = authenticate(ctx);
        if (who.isEmpty()) {
            if (reads && !path.startsWith("/api/")) {
                String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
                ctx.header("Cache-Control", "no-store");
                ctx.redirect("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new StaffRejection(StaffError.STAFF_SIGNIN_REQUIRED, "sign in first (session cookie or API token)");
        }
        StaffPrincipal p = who.get();
        boolean signOut = ctx.method() == HandlerType.DELETE && path.equals(StaffRoutes.SESSION);
        if (!p.role().usesConsole() && !signOut) {
            throw new StaffRejection(StaffError.STAFF_ROLE_FORBIDDEN, "'" + p.login() + "' is an application: it reads"
                    + " the FHIR API (/fhir) only");
        }
        if (!reads && !signOut && !p.role().mayMutate()) {
            throw new StaffRejection(StaffError.STAFF_ROLE_FORBIDDEN, "'" + p.login() + "' is a viewer: read only");
        }
        if (!reads && p.viaSession() && !sameSecret(ctx.header(CSRF_HEADER), p.csrfToken())) {
            throw new StaffRejection(StaffError.CSRF_TOKEN_INVALID, "the " + CSRF_HEADER
                    + " header is missing or does not match the session");
        }
        ctx.attribute(ATTRIBUTE, p.login());
        ctx.attribute(PRINCIPAL, p);
    }

    private static boolean isPublic(String path, boolean reads, HandlerType method) {
        if (reads) {
            return path.equals("/healthz") || path.equals("/metrics") || path.equals("/signin")
                    || path.startsWith("/pki/") || ASSET.matcher(path).matches();
        }
        return method == HandlerType.POST && path.equals(StaffRoutes.SESSION);
    }

    private Optional<StaffPrincipal> authenticate(Context ctx) throws SQLException {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return staff.tokens().find(auth.substring(7).trim());
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie == null ? Optional.empty() : staff.sessions().find(cookie);
    }

    /**
     * A browser sends {@code Origin} (and {@code Sec-Fetch-Site}) with every POST, PUT and DELETE; a
     * value other than the hub's own origin is a cross-site request and is refused before anything else.
     */
    static void checkOrigin(Context ctx) throws StaffRejection {
        String origin = ctx.header("Origin");
        String own = ctx.scheme() + "://" + ctx.host();
        if (origin != null && !origin.equalsIgnoreCase(own)) {
            throw new StaffRejection(StaffError.ORIGIN_REFUSED, "requests from " + origin + " are refused");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new StaffRejection(StaffError.ORIGIN_REFUSED, "cross-site requests are refused (" + site + ")");
        }
    }

    private static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

}

package fr.vigie.hub.web;

import io.javalin.http.Context;

/**
 * The headers every answer of the hub's HTTP server carries, set before anything else runs so that
 * refusals carry them too:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and
 * {@code X-Frame-Options: DENY} everywhere;</li>
 * <li>the console's {@value #CSP} (scripts and styles from the hub only, no inline script, no
 * framing) everywhere;</li>
 * <li>{@code Cache-Control: no-store} on the REST API ({@code /api/**}): its answers name kiosks,
 * patients and staff and must not stay in a browser or proxy cache.</li>
 * </ul>
 * Routes may replace a header (a page's own {@code Cache-Control}). Stateless.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        String path = ctx.path();
        ctx.header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", CSP);
        if (path.startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}

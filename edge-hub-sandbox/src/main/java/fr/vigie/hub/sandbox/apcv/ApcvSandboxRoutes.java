package fr.vigie.hub.sandbox.apcv;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.Map;

/**
 * The sandbox ApCV on the hub's HTTP server:
 * <pre>
 * GET  /sandbox/apcv/keys     the issuer's public JWK set
 * POST /sandbox/apcv/tokens   {matricule, oid, nomNaissance, listePrenom, sexe, dateNaissance, lieuNaissance?,
 *                              site, lifetimeSeconds?} → {token: "APCV1.…"} (lifetime 120 s by default, at most 900)
 * </pre>
 */
public final class ApcvSandboxRoutes {
    /** Body of POST /sandbox/apcv/tokens. */
    record TokenBody(String matricule, String oid, String nomNaissance, String listePrenom, String sexe,
            String dateNaissance, String lieuNaissance, String site, Integer lifetimeSeconds) {
    }

    private ApcvSandboxRoutes() {
    }

    /** Adds the routes to {@code app}. */
    public static void mount(Javalin app, ApcvIssuer issuer) {
        app.get("/sandbox/apcv/keys", ctx -> ctx.contentType("application/jwk-set+json")
                .result(issuer.publicKeys().toString(true)));
        app.post("/sandbox/apcv/tokens", ctx -> {
            TokenBody b;
            try {
                b = ctx.bodyAsClass(TokenBody.class);
            } catch (Exception e) { // Jackson's mapping errors arrive as sneaky checked exceptions
                b = null;
            }
            int seconds = b == null || b.lifetimeSeconds() == null ? 120 : b.lifetimeSeconds();
            if (b == null || b.matricule() == null || b.oid() == null || b.site() == null || seconds < 1
                    || seconds > 900) {
                ctx.status(400).json(Map.of("error", "BAD_REQUEST", "message",
                        "give matricule, oid, the traits and site; lifetimeSeconds 1 to 900"));
                return;
            }
            String token = issuer.issue(new ApcvIssuer.Identity(b.matricule(), b.oid(), b.nomNaissance(),
                    b.listePrenom(), b.sexe(), b.dateNaissance(), b.lieuNaissance()), b.site(),
                    Duration.ofSeconds(seconds));
            ctx.header("Cache-Control", "no-store").json(Map.of("token", token));
        });
    }
}

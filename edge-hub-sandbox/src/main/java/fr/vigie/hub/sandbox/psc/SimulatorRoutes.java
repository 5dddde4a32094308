package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.vigie.hub.sandbox.web.SandboxStylesheet;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** The sandbox PSC's HTTP endpoints, except the token endpoint ({@link TokenEndpoint}). */
final class SimulatorRoutes {
    private static final Set<String> CHANNELS = Set.of("CARD", "MOBILE");
    private final PscSimulator sim;

    SimulatorRoutes(PscSimulator sim) {
        this.sim = sim;
    }

    void register(Javalin app, String realm, String phonePath) {
        String oidc = realm + "/protocol/openid-connect";
        TokenEndpoint token = new TokenEndpoint(sim, this);
        app.get(realm + "/.well-known/wallet-openid-configuration", ctx -> json(ctx, 200, sim.discovery()));
        app.get(oidc + "/certs", ctx -> {
            sim.jwksFetches.incrementAndGet();
            ctx.contentType("application/json").result(sim.keys.publicJwks());
        });
        app.post(oidc + "/ext/ciba/auth", this::ciba);
        app.post(oidc + "/token", token::handle);
        app.get(oidc + "/userinfo", this::userinfo);
        app.post(oidc + "/userinfo", this::userinfo);
        app.post(oidc + "/token/introspect", this::introspect);
        app.get(oidc + "/logout", this::logout);
        app.post(oidc + "/logout", this::logout);
        app.get(oidc + "/auth", this::authorize);
        app.get(phonePath, ctx -> ctx.header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", SandboxStylesheet.CSP)
                .contentType("text/html; charset=utf-8").result(sim.phone.render(sim.ledger.pending(), phonePath + "/decision",
                        sim.professionals.all())));
        app.post(phonePath + "/decision", ctx -> decide(ctx, phonePath));
    }

    /** Checks client_secret_basic; answers 401 invalid_client and returns false when wrong. */
    boolean clientAuthenticated(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
                if (id.equals(sim.options.clientId()) && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), sim.options.clientSecret().getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                // malformed header: refused below
            }
        }
        if (h == null && presentsClientCertificate(ctx)) {
            return true;
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"esante-wallet\"");
        error(ctx, 401, "invalid_client", "client authentication failed");
        return false;
    }

    /** tls_client_auth: the TLS layer checked the chain; the subject and client_id must be the client's. */
    private boolean presentsClientCertificate(Context ctx) {
        X500Principal expected = sim.mtlsClient();
        Object chain = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        return expected != null && chain instanceof X509Certificate[] certs && certs.length > 0
                && expected.equals(certs[0].getSubjectX500Principal())
                && sim.options.clientId().equals(ctx.formParam("client_id"));
    }

    private void ciba(Context ctx) {
        if (!clientAuthenticated(ctx)) {
            return;
        }
        String scope = Optional.ofNullable(ctx.formParam("scope")).orElse("");
        String binding = Optional.ofNullable(ctx.formParam("binding_message")).orElse("");
        String channel = Optional.ofNullable(ctx.formParam("channel")).orElse("");
        if (!Set.of(scope.split(" ")).contains("openid") || !"eidas1".equals(ctx.formParam("acr_values"))) {
            error(ctx, 400, "invalid_request", "scope must include openid and acr_values must be eidas1");
            return;
        }
        if (!binding.matches("[0-9]{2}") || !CHANNELS.contains(channel)) {
            error(ctx, 400, "invalid_request", "binding_message must be two digits and channel CARD or MOBILE");
            return;
        }
        Optional<SandboxProfessional> p = sim.professionals.find(Optional.ofNullable(ctx.formParam("login_hint")).orElse(""));
        if (p.isEmpty()) {
            error(ctx, 400, "unknown_user_id", "login_hint is not a known professional");
            return;
        }
        String id = sim.ledger.open(p.get(), binding, channel, sim.autoApprove());
        ObjectNode body = PscSimulator.JSON.createObjectNode();
        body.put("auth_req_id", id);
        body.put("expires_in", sim.ledger.expiresIn().toSeconds());
        body.put("interval", sim.ledger.interval().toSeconds());
        json(ctx, 200, body);
    }

    private void userinfo(Context ctx) {
        String h = ctx.header("Authorization");
        Optional<TokenBook.Grant> g = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? sim.tokens.activeAccess(h.substring(7).strip()) : Optional.empty();
        if (g.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            error(ctx, 401, "invalid_token", "the access token is unknown or expired");
            return;
        }
        ObjectNode doc = g.get().professional().userinfoDocument();
        boolean asJwt = sim.userinfoAsJwt()
                || Optional.ofNullable(ctx.header("Accept")).orElse("").contains("application/jwt");
        if (!asJwt) {
            json(ctx, 200, doc);
            return;
        }
        try {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(JWTClaimsSet.parse(PscSimulator.JSON.writeValueAsString(doc)))
                    .issuer(sim.issuer().toString()).audience(sim.options.clientId())
                    .issueTime(Date.from(sim.clock.instant()));
            ctx.contentType("application/jwt").result(sim.tokens.sign(b.build()));
        } catch (ParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot build signed userinfo", e);
        }
    }

    private void introspect(Context ctx) {
        if (!clientAuthenticated(ctx)) {
            return;
        }
        ObjectNode body = PscSimulator.JSON.createObjectNode();
        Optional<TokenBook.Grant> g = sim.tokens.active(Optional.ofNullable(ctx.formParam("token")).orElse(""));
        body.put("active", g.isPresent());
        g.ifPresent(grant -> {
            body.put("sub", grant.professional().sub());
            body.put("SubjectNameID", grant.professional().idNatPs().value());
            body.put("client_id", sim.options.clientId());
            body.put("scope", "openid scope_all");
            body.put("acr", "eidas1");
            body.put("sid", grant.sid());
            body.put("iat", grant.issuedAt().getEpochSecond());
            body.put("exp", grant.expiresAt().getEpochSecond());
            body.put("token_type", "Bearer");
        });
        json(ctx, 200, body);
    }

    private void logout(Context ctx) {
        String hint = Optional.ofNullable(ctx.queryParam("id_token_hint")).orElse(ctx.formParam("id_token_hint"));
        String sid;
        try {
            SignedJWT jwt = SignedJWT.parse(Optional.ofNullable(hint).orElse(""));
            Object s = jwt.getJWTClaimsSet().getClaim("sid");
            if (!sim.keys.verify(jwt) || !(s instanceof String str)) {
                throw new ParseException("not one of ours", 0);
            }
            sid = str;
        } catch (ParseException e) {
            error(ctx, 400, "invalid_request", "id_token_hint is missing or not an ID token of this provider");
            return;
        }
        sim.tokens.endSession(sid);
        String back = ctx.queryParam("post_logout_redirect_uri");
        if (back != null && !back.isBlank()) {
            ctx.redirect(back, HttpStatus.FOUND);
        } else {
            ctx.status(204);
        }
    }

    private void authorize(Context ctx) {
        String redirect = ctx.queryParam("redirect_uri");
        if (!sim.options.clientId().equals(ctx.queryParam("client_id")) || redirect == null || redirect.isBlank()) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("client_id inconnu ou redirect_uri absent");
            return;
        }
        String challenge = ctx.queryParam("code_challenge");
        if (!"code".equals(ctx.queryParam("response_type")) || !"S256".equals(ctx.queryParam("code_challenge_method"))
                || challenge == null || challenge.isBlank() || !"eidas1".equals(ctx.queryParam("acr_values"))) {
            ctx.status(400).contentType("text/plain; charset=utf-8")
                    .result("response_type=code, acr_values=eidas1 et PKCE S256 sont requis");
            return;
        }
        // The sandbox signs in the professional named by login_hint, or the first test professional.
        String hint = ctx.queryParam("login_hint");
        SandboxProfessional p = hint == null ? sim.professionals.all().get(0)
                : sim.professionals.find(hint).orElse(sim.professionals.all().get(0));
        String code = sim.tokens.newCode(p, redirect, challenge, ctx.queryParam("nonce"));
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("");
        ctx.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code) + "&state=" + enc(state),
                HttpStatus.FOUND);
    }

    private void decide(Context ctx, String phonePath) {
        if (!sim.phone.spend(ctx.formParam("csrf"))) {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("jeton CSRF invalide ou expiré");
            return;
        }
        String decision = Optional.ofNullable(ctx.formParam("decision")).orElse("");
        if (!decision.equals("approve") && !decision.equals("refuse")) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("décision inconnue");
            return;
        }
        String card = ctx.formParam("card");
        Optional<SandboxProfessional> as = card == null ? Optional.empty() : sim.professionals.find(card);
        if (card != null && as.isEmpty()) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("carte inconnue");
            return;
        }
        if (!sim.ledger.decide(Optional.ofNullable(ctx.formParam("ref")).orElse(""), decision.equals("approve"), as)) {
            ctx.status(409).contentType("text/plain; charset=utf-8").result("demande inconnue, expirée ou déjà traitée");
            return;
        }
        ctx.redirect(phonePath, HttpStatus.SEE_OTHER);
    }

    static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json").result(body.toString());
    }

    static void error(Context ctx, int status, String error, String description) {
        ObjectNode body = PscSimulator.JSON.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        json(ctx, status, body);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

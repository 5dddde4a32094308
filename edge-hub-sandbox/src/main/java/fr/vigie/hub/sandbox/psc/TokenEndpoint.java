package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The sandbox PSC's token endpoint: the CIBA grant (with PSC's pending, slow-down, denied and
 * expired answers, all HTTP 400), authorization code with PKCE S256, and refresh.
 */
final class TokenEndpoint {
    private final PscSimulator sim;
    private final SimulatorRoutes routes;

    TokenEndpoint(PscSimulator sim, SimulatorRoutes routes) {
        this.sim = sim;
        this.routes = routes;
    }

    void handle(Context ctx) {
        if (!routes.clientAuthenticated(ctx)) {
            return;
        }
        String grant = Optional.ofNullable(ctx.formParam("grant_type")).orElse("");
        switch (grant) {
            case "urn:openid:params:grant-type:ciba" -> ciba(ctx);
            case "authorization_code" -> code(ctx);
            case "refresh_token" -> refresh(ctx);
            default -> SimulatorRoutes.error(ctx, 400, "unsupported_grant_type", "grant_type " + grant);
        }
    }

    private void ciba(Context ctx) {
        CibaLedger.PollResult r = sim.ledger.poll(Optional.ofNullable(ctx.formParam("auth_req_id")).orElse(""));
        switch (r.answer()) {
            case PENDING -> SimulatorRoutes.error(ctx, 400, "authorization_pending", "not approved yet");
            case SLOW_DOWN -> SimulatorRoutes.error(ctx, 400, "slow_down", "polled faster than the interval");
            case DENIED -> SimulatorRoutes.error(ctx, 400, "access_denied", "the professional refused");
            case EXPIRED -> SimulatorRoutes.error(ctx, 400, "expired_token", "the request expired");
            case UNKNOWN -> SimulatorRoutes.error(ctx, 400, "invalid_grant", "unknown auth_req_id");
            case APPROVED -> {
                CibaLedger.Pending p = r.request().orElseThrow();
                ObjectNode body = sim.tokens.issue(sim.issuer().toString(), sim.options.clientId(), p.professional(),
                        p.channel(), null);
                SimulatorRoutes.json(ctx, 200, body);
            }
        }
    }

    private void code(Context ctx) {
        Optional<TokenBook.Code> c = sim.tokens.takeCode(Optional.ofNullable(ctx.formParam("code")).orElse(""));
        String verifier = Optional.ofNullable(ctx.formParam("code_verifier")).orElse("");
        if (c.isEmpty() || !c.get().redirectUri().equals(ctx.formParam("redirect_uri"))
                || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        c.get().challenge().getBytes(StandardCharsets.US_ASCII))) {
            SimulatorRoutes.error(ctx, 400, "invalid_grant", "code, redirect_uri or code_verifier refused");
            return;
        }
        SimulatorRoutes.json(ctx, 200, sim.tokens.issue(sim.issuer().toString(), sim.options.clientId(),
                c.get().professional(), "MOBILE", c.get().nonce()));
    }

    private void refresh(Context ctx) {
        Optional<ObjectNode> body = sim.tokens.refresh(sim.issuer().toString(), sim.options.clientId(),
                Optional.ofNullable(ctx.formParam("refresh_token")).orElse(""));
        if (body.isEmpty()) {
            SimulatorRoutes.error(ctx, 400, "invalid_grant", "refresh token unknown, used or expired");
            return;
        }
        SimulatorRoutes.json(ctx, 200, body.get());
    }

    private static String s256(String verifier) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

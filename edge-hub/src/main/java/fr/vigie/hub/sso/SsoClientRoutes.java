package fr.vigie.hub.sso;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.staff.SignedInStaff;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IT registers the site's applications with the OpenID Provider through the REST API (admin role only, reads
 * included; the console's sign-in, {@code Origin} and CSRF rules apply as to every {@code /api/} route).
 * Changes are audited ({@code SSO_CLIENT_*}, category {@code sso}). A secret is in the answer that created it
 * only.
 *
 * <pre>
 * GET    /api/v1/sso/clients               [client]
 * POST   /api/v1/sso/clients               client → 201 client + clientSecret (client_secret_basic)
 * GET    /api/v1/sso/clients/{id}          client
 * PUT    /api/v1/sso/clients/{id}          client → client
 * POST   /api/v1/sso/clients/{id}/secret   → client + clientSecret (the old secret stops working)
 * DELETE /api/v1/sso/clients/{id}          → 204
 * PUT    /api/v1/sso/clients/{id}/start-uri  {startUri} (null removes it) → 204: where kiosks' launchpads
 *                                          start the application (its third-party-initiated login URI)
 * POST   /api/v1/sso/keys/rotate           → {kid}: a new signing key; the previous one stays published
 * client = {clientId, name, redirectUris[], minLevel (CARD_PIN | PSC_ECPS | CONTACTLESS_TAP),
 *           tokenEndpointAuthMethod (client_secret_basic | private_key_jwt), jwks (private_key_jwt),
 *           backChannelLogoutUri, frontChannelLogoutUri, postLogoutRedirectUris[], kioskGroups[]}
 *   → 400 INVALID_CLIENT (with message), 403 STAFF_ROLE_FORBIDDEN, 404 SSO_CLIENT_NOT_FOUND, 409 SSO_CLIENT_EXISTS
 * </pre>
 */
public final class SsoClientRoutes {
    static final String PATH = "/api/v1/sso/clients";
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientJson(String clientId, String name, List<String> redirectUris, String minLevel, String acr,
            String tokenEndpointAuthMethod, String jwks, String backChannelLogoutUri, String frontChannelLogoutUri,
            List<String> postLogoutRedirectUris, List<String> kioskGroups, String clientSecret) {
    }

    private SsoClientRoutes() {
    }

    /** Adds the routes to the console's server. */
    public static void mount(Javalin app, SingleSignOn sso) {
        SsoClients clients = sso.clients();
        app.get(PATH, ctx -> {
            if (admin(ctx)) {
                ctx.json(clients.list().stream().map(c -> json(c, Optional.empty())).toList());
            }
        });
        app.post(PATH, ctx -> {
            if (!admin(ctx)) {
                return;
            }
            Optional<SsoClient> client = parse(ctx, null);
            if (client.isPresent()) {
                try {
                    SsoClients.Registered r = clients.register(client.get(), login(ctx));
                    ctx.status(201).json(json(r.client(), r.secret()));
                } catch (SsoClients.Conflict e) {
                    refuse(ctx, 409, "SSO_CLIENT_EXISTS", e.getMessage());
                }
            }
        });
        app.get(PATH + "/{id}", ctx -> {
            if (admin(ctx)) {
                Optional<SsoClient> c = clients.find(ctx.pathParam("id"));
                if (c.isEmpty()) {
                    refuse(ctx, 404, "SSO_CLIENT_NOT_FOUND", "no such client");
                } else {
                    ctx.json(json(c.get(), Optional.empty()));
                }
            }
        });
        app.put(PATH + "/{id}", ctx -> {
            if (!admin(ctx)) {
                return;
            }
            Optional<SsoClient> client = parse(ctx, ctx.pathParam("id"));
            if (client.isPresent()) {
                try {
                    ctx.json(json(clients.update(client.get(), login(ctx)), Optional.empty()));
                } catch (SsoClients.Conflict e) {
                    refuse(ctx, 404, "SSO_CLIENT_NOT_FOUND", e.getMessage());
                }
            }
        });
        app.post(PATH + "/{id}/secret", ctx -> {
            if (admin(ctx)) {
                try {
                    SsoClients.Registered r = clients.newSecret(ctx.pathParam("id"), login(ctx));
                    ctx.json(json(r.client(), r.secret()));
                } catch (SsoClients.Conflict e) {
                    refuse(ctx, 404, "SSO_CLIENT_NOT_FOUND", e.getMessage());
                }
            }
        });
        app.delete(PATH + "/{id}", ctx -> {
            if (admin(ctx)) {
                if (clients.delete(ctx.pathParam("id"), login(ctx))) {
                    ctx.status(204);
                } else {
                    refuse(ctx, 404, "SSO_CLIENT_NOT_FOUND", "no such client");
                }
            }
        });
        app.put(PATH + "/{id}/start-uri", ctx -> {
            if (!admin(ctx)) {
                return;
            }
            Optional<URI> start;
            try {
                JsonNode b = JSON.readTree(ctx.body());
                JsonNode v = b == null ? null : b.get("startUri");
                if (b == null || !b.isObject() || v == null || !(v.isNull() || v.isTextual())) {
                    refuse(ctx, 400, "INVALID_CLIENT", "the body must be {\"startUri\": \"https://…\"} or"
                            + " {\"startUri\": null}");
                    return;
                }
                start = v.isNull() ? Optional.empty() : Optional.of(new URI(v.asText()));
                if (!sso.launchpad().startUri(ctx.pathParam("id"), start, login(ctx))) {
                    refuse(ctx, 404, "SSO_CLIENT_NOT_FOUND", "no such client");
                    return;
                }
            } catch (java.io.IOException | java.net.URISyntaxException | IllegalArgumentException e) {
                refuse(ctx, 400, "INVALID_CLIENT", e.getMessage());
                return;
            }
            ctx.status(204);
        });
        app.post("/api/v1/sso/keys/rotate", ctx -> {
            if (admin(ctx)) {
                ctx.json(Map.of("kid", sso.keys().rotate("staff:" + login(ctx))));
            }
        });
    }

    private static boolean admin(Context ctx) {
        if (SignedInStaff.isAdmin(ctx)) {
            ctx.header("Cache-Control", "no-store");
            return true;
        }
        refuse(ctx, 403, "STAFF_ROLE_FORBIDDEN", "only an admin may manage the applications of single sign-on");
        return false;
    }

    private static String login(Context ctx) {
        return SignedInStaff.login(ctx);
    }

    private static void refuse(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }

    /** The client in the body; a 400 answered and empty when it is not one. */
    private static Optional<SsoClient> parse(Context ctx, String pathId) {
        try {
            JsonNode b = JSON.readTree(ctx.body());
            if (b == null || !b.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            String id = pathId != null ? pathId : text(b, "clientId");
            if (pathId != null && b.hasNonNull("clientId") && !pathId.equals(text(b, "clientId"))) {
                throw new IllegalArgumentException("clientId differs from the path's");
            }
            String method = Optional.ofNullable(text(b, "tokenEndpointAuthMethod")).orElse("client_secret_basic");
            JsonNode jwks = b.get("jwks");
            return Optional.of(new SsoClient(id, text(b, "name"), uris(b, "redirectUris"),
                    SsoLevel.byAcr(Optional.ofNullable(text(b, "minLevel")).orElse("CARD_PIN")).orElseThrow(() ->
                            new IllegalArgumentException("minLevel must be one of CARD_PIN, PSC_ECPS, CONTACTLESS_TAP")),
                    SsoClient.AuthMethod.parse(method).orElseThrow(() -> new IllegalArgumentException(
                            "tokenEndpointAuthMethod must be client_secret_basic or private_key_jwt")),
                    jwks == null || jwks.isNull() ? Optional.empty()
                            : Optional.of(jwks.isTextual() ? jwks.textValue() : jwks.toString()),
                    Optional.ofNullable(text(b, "backChannelLogoutUri")).map(URI::create),
                    Optional.ofNullable(text(b, "frontChannelLogoutUri")).map(URI::create),
                    uris(b, "postLogoutRedirectUris"), strings(b, "kioskGroups")));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            refuse(ctx, 400, "INVALID_CLIENT", e instanceof com.fasterxml.jackson.core.JacksonException
                    ? "the body is not JSON" : e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.textValue();
    }

    private static List<String> strings(JsonNode b, String field) {
        JsonNode n = b.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            out.add(v.textValue());
        }
        return out;
    }

    private static List<URI> uris(JsonNode b, String field) {
        return strings(b, field).stream().map(URI::create).toList();
    }

    private static ClientJson json(SsoClient c, Optional<String> secret) {
        return new ClientJson(c.clientId(), c.name(), c.redirectUris().stream().map(URI::toString).toList(),
                c.minLevel().name(), c.minLevel().acr(), c.authMethod().value(), c.jwks().orElse(null),
                c.backChannelLogoutUri().map(URI::toString).orElse(null),
                c.frontChannelLogoutUri().map(URI::toString).orElse(null),
                c.postLogoutRedirectUris().stream().map(URI::toString).toList(), c.kioskGroups(), secret.orElse(null));
    }
}

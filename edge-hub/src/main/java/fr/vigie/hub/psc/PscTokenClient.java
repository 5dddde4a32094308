package fr.vigie.hub.psc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway does with tokens it holds: refresh them, ask PSC whether one is still active
 * (introspection), and end the PSC session (logout with {@code id_token_hint}). Thread-safe.
 */
public final class PscTokenClient {
    private final PscHttp http;
    private final PscProvider provider;
    private final IdTokenValidator validator;

    /** PSC's introspection answer; {@code toString()} names no token. */
    public record Introspection(boolean active, Optional<String> subject, Optional<String> subjectNameId,
            Optional<Instant> expiresAt) {
    }

    public PscTokenClient(PscGatewayConfig config, PscProvider provider, IdTokenValidator validator) {
        this.http = new PscHttp(config);
        this.provider = provider;
        this.validator = validator;
    }

    /** Trades the refresh token for new tokens; the new ID token is validated (no nonce). */
    public PscTokens refresh(PscTokens tokens) throws PscException {
        String refresh = tokens.refreshToken().orElseThrow(() ->
                new PscException(PscError.PSC_GRANT_INVALID, "these tokens have no refresh token"));
        PscHttp.Reply reply = http.postForm(provider.tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        if (!reply.ok()) {
            throw PscHttp.oauthError(reply, "refresh");
        }
        return PscTokens.from(reply, validator, Optional.empty());
    }

    /** Asks PSC whether {@code token} (access or refresh) is active. */
    public Introspection introspect(String token) throws PscException {
        PscHttp.Reply reply = http.postForm(provider.introspectionEndpoint(), Map.of("token", token));
        if (!reply.ok()) {
            throw PscHttp.oauthError(reply, "introspection");
        }
        var json = reply.json();
        boolean active = json.path("active").asBoolean(false);
        return new Introspection(active, text(json, "sub"), text(json, "SubjectNameID"),
                json.hasNonNull("exp") ? Optional.of(Instant.ofEpochSecond(json.get("exp").asLong())) : Optional.empty());
    }

    /** Ends the PSC session the tokens belong to. */
    public void logout(PscTokens tokens) throws PscException {
        // POSTed rather than put in a URL, so that no access log ever records the ID token.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token_hint", tokens.idToken());
        PscHttp.Reply reply = http.postForm(provider.endSessionEndpoint(), form);
        if (reply.status() >= 400) {
            throw PscHttp.oauthError(reply, "logout");
        }
    }

    private static Optional<String> text(com.fasterxml.jackson.databind.JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.get(field).asText()) : Optional.empty();
    }
}

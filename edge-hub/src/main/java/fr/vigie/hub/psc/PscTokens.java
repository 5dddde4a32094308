package fr.vigie.hub.psc;

import java.time.Duration;
import java.util.Optional;

/**
 * Tokens PSC issued, with the ID token already validated. Immutable; {@code toString()} shows
 * no token.
 *
 * @param accessToken the bearer token for userinfo
 * @param idToken the raw ID token, kept for {@code id_token_hint} at logout
 * @param refreshToken the refresh token, when PSC gave one
 * @param expiresIn the access token's lifetime (120 s at PSC)
 * @param claims the validated ID token's claims
 */
public record PscTokens(String accessToken, String idToken, Optional<String> refreshToken, Duration expiresIn,
        IdTokenClaims claims) {
    @Override
    public String toString() {
        return "PscTokens[subjectNameId=" + claims.subjectNameId() + ", sid=" + claims.sid().orElse("-")
                + ", expiresIn=" + expiresIn + ", refresh=" + refreshToken.isPresent() + "]";
    }

    /** Reads a successful token answer and validates its ID token. */
    static PscTokens from(PscHttp.Reply reply, IdTokenValidator validator, Optional<String> nonce)
            throws PscException {
        var json = reply.json();
        String access = json.path("access_token").asText("");
        String id = json.path("id_token").asText("");
        if (access.isEmpty() || id.isEmpty() || !"bearer".equalsIgnoreCase(json.path("token_type").asText(""))) {
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the token answer lacks access_token, id_token"
                    + " or a Bearer token_type");
        }
        String refresh = json.path("refresh_token").asText("");
        IdTokenClaims claims = validator.validate(id, nonce);
        return new PscTokens(access, id, refresh.isEmpty() ? Optional.empty() : Optional.of(refresh),
                Duration.ofSeconds(json.path("expires_in").asLong(0)), claims);
    }
}

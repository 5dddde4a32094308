package fr.vigie.hub.psc;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
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

    /**
     * Reads the token endpoint's answer to a grant: validated tokens, or the OAuth error as a
     * {@link PscException}. CIBA polls read pending answers with {@link PscHttp#tokenResponse} instead.
     */
    static PscTokens request(PscHttp http, TokenRequest request, IdTokenValidator validator, Optional<String> nonce,
            String what) throws PscException {
        TokenResponse response = http.tokenResponse(request);
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw PscHttp.refused(error.getErrorObject(), error.getErrorObject().getHTTPStatusCode(), what);
        }
        return from(response.toSuccessResponse(), validator, nonce);
    }

    /** Reads a successful token answer and validates its ID token. */
    static PscTokens from(AccessTokenResponse answer, IdTokenValidator validator, Optional<String> nonce)
            throws PscException {
        if (!(answer instanceof OIDCTokenResponse oidc)
                || !(oidc.getOIDCTokens().getAccessToken() instanceof BearerAccessToken access)) {
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the token answer lacks access_token, id_token"
                    + " or a Bearer token_type");
        }
        OIDCTokens tokens = oidc.getOIDCTokens();
        IdTokenClaims claims = validator.validate(tokens.getIDTokenString(), nonce);
        return new PscTokens(access.getValue(), tokens.getIDTokenString(),
                Optional.ofNullable(tokens.getRefreshToken()).map(RefreshToken::getValue),
                Duration.ofSeconds(Math.max(0, access.getLifetime())), claims);
    }
}

package fr.vigie.hub.psc;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import java.time.Instant;
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
        TokenRequest request = new TokenRequest.Builder(provider.tokenEndpoint(), http.clientAuthentication(),
                new RefreshTokenGrant(new RefreshToken(refresh))).build();
        return PscTokens.request(http, request, validator, Optional.empty(), "refresh");
    }

    /** Asks PSC whether {@code token} (access or refresh) is active. */
    public Introspection introspect(String token) throws PscException {
        HTTPResponse reply = http.exchange(new TokenIntrospectionRequest(provider.introspectionEndpoint(),
                http.clientAuthentication(), new TypelessAccessToken(token)).toHTTPRequest());
        if (!reply.indicatesSuccess()) {
            throw PscHttp.refused(reply, "introspection");
        }
        TokenIntrospectionSuccessResponse answer;
        try {
            answer = TokenIntrospectionResponse.parse(reply).toSuccessResponse();
        } catch (ParseException e) {
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the introspection answer is malformed: "
                    + e.getMessage());
        }
        return new Introspection(answer.isActive(),
                Optional.ofNullable(answer.getSubject()).map(s -> s.getValue()),
                Optional.ofNullable(answer.getStringParameter("SubjectNameID")),
                Optional.ofNullable(answer.getExpirationTime()).map(d -> d.toInstant()));
    }

    /** Ends the PSC session the tokens belong to. */
    public void logout(PscTokens tokens) throws PscException {
        LogoutRequest logout;
        try {
            logout = new LogoutRequest(provider.endSessionEndpoint(), JWTParser.parse(tokens.idToken()));
        } catch (java.text.ParseException e) {
            throw new PscException(PscError.PSC_TOKEN_MALFORMED, "the ID token to end the session with is not a JWT");
        }
        // POSTed (RP-Initiated Logout §2 allows it) rather than put in a URL, so that no access log ever
        // records the ID token; the client authenticates as on the token endpoint.
        HTTPRequest post = new HTTPRequest(HTTPRequest.Method.POST, provider.endSessionEndpoint());
        post.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        post.setBody(URLUtils.serializeParameters(logout.toParameters()));
        http.clientAuthentication().applyTo(post);
        HTTPResponse reply = http.exchange(post);
        if (reply.getStatusCode() >= 400) {
            throw PscHttp.refused(reply, "logout");
        }
    }
}

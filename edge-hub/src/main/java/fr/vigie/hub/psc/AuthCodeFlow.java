package fr.vigie.hub.psc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The browser sign-in: authorization code with PKCE S256, a fresh {@code state} and {@code nonce}
 * per attempt. {@link #begin} builds the URL to send the browser to; {@link #finish} checks the
 * returned state, exchanges the code and validates the ID token's nonce (spent once). Thread-safe.
 */
public final class AuthCodeFlow {
    private final PscHttp http;
    private final PscProvider provider;
    private final IdTokenValidator validator;
    private final SecureRandom random;

    /** One sign-in attempt; the verifier and nonce stay on the hub. {@code toString()} hides them. */
    public record Attempt(URI authorizationUri, String state, String nonce, String codeVerifier, URI redirectUri) {
        @Override
        public String toString() {
            return "Attempt[redirectUri=" + redirectUri + "]";
        }
    }

    public AuthCodeFlow(PscGatewayConfig config, PscProvider provider, IdTokenValidator validator,
            SecureRandom random) {
        this.http = new PscHttp(config);
        this.provider = provider;
        this.validator = validator;
        this.random = random;
    }

    /** Starts an attempt; {@code loginHint} may name the professional (the sandbox signs them in). */
    public Attempt begin(URI redirectUri, Optional<String> loginHint) {
        String state = randomToken(16);
        String nonce = randomToken(16);
        String verifier = randomToken(32);
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse(http.config().scope()), new ClientID(http.config().clientId()), redirectUri)
                .endpointURI(provider.authorizationEndpoint())
                .acrValues(List.of(new ACR(http.config().acr())))
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
        loginHint.ifPresent(request::loginHint);
        return new Attempt(request.build().toURI(), state, nonce, verifier, redirectUri);
    }

    /** Finishes an attempt with the {@code code} and {@code state} the browser came back with. */
    public PscTokens finish(Attempt attempt, String code, String state) throws PscException {
        if (!attempt.state().equals(state)) {
            throw new PscException(PscError.PSC_GRANT_INVALID, "the state returned is not the one sent");
        }
        AuthorizationCodeGrant grant;
        try {
            grant = new AuthorizationCodeGrant(new AuthorizationCode(code), attempt.redirectUri(),
                    new CodeVerifier(attempt.codeVerifier()));
        } catch (IllegalArgumentException e) {
            throw new PscException(PscError.PSC_GRANT_INVALID, "the code or the PKCE verifier is malformed");
        }
        TokenRequest request = new TokenRequest.Builder(provider.tokenEndpoint(), http.clientAuthentication(), grant)
                .build();
        return PscTokens.request(http, request, validator, Optional.of(attempt.nonce()), "authorization code exchange");
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

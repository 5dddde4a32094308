package fr.vigie.hub.psc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", http.config().clientId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", http.config().scope());
        q.put("acr_values", http.config().acr());
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", s256(verifier));
        q.put("code_challenge_method", "S256");
        loginHint.ifPresent(h -> q.put("login_hint", h));
        URI uri = URI.create(provider.authorizationEndpoint() + "?" + PscHttp.formBody(q));
        return new Attempt(uri, state, nonce, verifier, redirectUri);
    }

    /** Finishes an attempt with the {@code code} and {@code state} the browser came back with. */
    public PscTokens finish(Attempt attempt, String code, String state) throws PscException {
        if (!attempt.state().equals(state)) {
            throw new PscException(PscError.PSC_GRANT_INVALID, "the state returned is not the one sent");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", attempt.redirectUri().toString());
        form.put("code_verifier", attempt.codeVerifier());
        PscHttp.Reply reply = http.postForm(provider.tokenEndpoint(), form);
        if (!reply.ok()) {
            throw PscHttp.oauthError(reply, "authorization code exchange");
        }
        return PscTokens.from(reply, validator, Optional.of(attempt.nonce()));
    }

    /** The PKCE S256 challenge of a verifier. */
    public static String s256(String verifier) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

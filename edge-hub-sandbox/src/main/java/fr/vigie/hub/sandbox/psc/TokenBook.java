package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the sandbox PSC has issued: sessions, access and refresh tokens, authorization codes.
 * Access and refresh tokens are opaque random strings known only here; ID tokens are RS256 JWTs
 * with PSC's claims. Ending a session ({@code sid}) revokes its tokens. Thread-safe.
 */
final class TokenBook {
    static final Duration ACCESS_LIFETIME = Duration.ofSeconds(120);
    static final Duration REFRESH_LIFETIME = Duration.ofMinutes(30);
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a token stands for. */
    record Grant(SandboxProfessional professional, String sid, String authMode, Instant issuedAt, Instant expiresAt) {
    }

    /** A pending authorization code. */
    record Code(SandboxProfessional professional, String redirectUri, String challenge, String nonce,
            Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random;
    private final SigningKeys keys;
    private final Map<String, Grant> access = new HashMap<>();
    private final Map<String, Grant> refresh = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();

    TokenBook(Clock clock, SecureRandom random, SigningKeys keys) {
        this.clock = clock;
        this.random = random;
        this.keys = keys;
    }

    /** Opens a session and answers the token endpoint's success body. */
    synchronized ObjectNode issue(String issuer, String clientId, SandboxProfessional p, String authMode,
            String nonce) {
        return issueFor(issuer, clientId, p, UUID.randomUUID().toString(), authMode, nonce);
    }

    /** Trades a refresh token (used once) for new tokens in the same session; empty if unknown or expired. */
    synchronized Optional<ObjectNode> refresh(String issuer, String clientId, String refreshToken) {
        Grant g = refresh.remove(refreshToken);
        if (g == null || clock.instant().isAfter(g.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issueFor(issuer, clientId, g.professional(), g.sid(), g.authMode(), null));
    }

    synchronized String newCode(SandboxProfessional p, String redirectUri, String challenge, String nonce) {
        String code = randomToken();
        codes.put(code, new Code(p, redirectUri, challenge, nonce, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes a code (used once); empty if unknown or expired. */
    synchronized Optional<Code> takeCode(String code) {
        Code c = codes.remove(code);
        return c == null || clock.instant().isAfter(c.expiresAt()) ? Optional.empty() : Optional.of(c);
    }

    /** The live grant of an access or refresh token. */
    synchronized Optional<Grant> active(String token) {
        Grant g = Optional.ofNullable(access.get(token)).orElse(refresh.get(token));
        return g == null || clock.instant().isAfter(g.expiresAt()) ? Optional.empty() : Optional.of(g);
    }

    synchronized Optional<Grant> activeAccess(String token) {
        Grant g = access.get(token);
        return g == null || clock.instant().isAfter(g.expiresAt()) ? Optional.empty() : Optional.of(g);
    }

    /** Ends session {@code sid}: its access and refresh tokens stop working. */
    synchronized void endSession(String sid) {
        access.values().removeIf(g -> g.sid().equals(sid));
        refresh.values().removeIf(g -> g.sid().equals(sid));
    }

    String sign(JWTClaimsSet claims) {
        return keys.sign(claims);
    }

    private ObjectNode issueFor(String issuer, String clientId, SandboxProfessional p, String sid, String authMode,
            String nonce) {
        Instant now = clock.instant();
        Instant exp = now.plus(ACCESS_LIFETIME);
        String at = randomToken();
        String rt = randomToken();
        access.put(at, new Grant(p, sid, authMode, now, exp));
        refresh.put(rt, new Grant(p, sid, authMode, now, now.plus(REFRESH_LIFETIME)));
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().issuer(issuer).subject(p.sub()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.getEpochSecond()).claim("typ", "ID").claim("azp", clientId)
                .claim("acr", "eidas1").claim("authMode", authMode).claim("sid", sid)
                .claim("SubjectNameID", p.idNatPs().value()).claim("preferred_username", p.idNatPs().value())
                .claim("given_name", p.givenName()).claim("family_name", p.familyName());
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", at);
        body.put("expires_in", ACCESS_LIFETIME.toSeconds());
        body.put("refresh_expires_in", REFRESH_LIFETIME.toSeconds());
        body.put("refresh_token", rt);
        body.put("token_type", "Bearer");
        body.put("id_token", keys.sign(id.build()));
        body.put("not-before-policy", 0);
        body.put("session_state", sid);
        body.put("scope", "openid scope_all");
        return body;
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package fr.vigie.hub.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates PSC ID tokens: a JWS signed RS256 or ES256 with one of PSC's published keys (refetched
 * on an unknown key id), the configured issuer, the client id in the audience, {@code exp} and
 * {@code iat} within the clock skew of the injected clock, {@code acr=eidas1}, a well-formed
 * {@code SubjectNameID}, and for the authorization-code flow the expected nonce, accepted once.
 * Every refusal is a {@link PscException} with its own {@link PscError}. Thread-safe.
 *
 * <pre>{@code
 * IdTokenValidator v = IdTokenValidator.forProvider(config, provider, Clock.systemUTC());
 * IdTokenClaims claims = v.validate(idToken, Optional.of(nonce));
 * }</pre>
 */
public final class IdTokenValidator {
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private final PscGatewayConfig config;
    private final Clock clock;
    private final NonceReplayCache nonces;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** A validator over the given key source; tests pass a fixed {@code ImmutableJWKSet}. */
    public IdTokenValidator(PscGatewayConfig config, JWKSource<SecurityContext> keys, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.nonces = new NonceReplayCache(clock);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Claims are checked below against the injected clock, each with its own error code.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** A validator that reads PSC's keys from the provider's {@code jwks_uri}, refreshing on rotation. */
    public static IdTokenValidator forProvider(PscGatewayConfig config, PscProvider provider, Clock clock) {
        return new IdTokenValidator(config, new RotatingJwkSource(new PscHttp(config), provider.jwksUri(), clock,
                config.jwksMinRefetch()), clock);
    }

    /**
     * Validates an ID token. With an expected nonce (authorization-code flow) the token must carry
     * it and the nonce is then spent; without one (CIBA, refresh) no nonce is checked.
     */
    public IdTokenClaims validate(String idToken, Optional<String> expectedNonce) throws PscException {
        JWTClaimsSet claims = verifiedClaims(idToken);
        Instant now = clock.instant();
        checkIssuerAudienceTime(claims, now);
        Object acr = claims.getClaim("acr");
        if (!config.acr().equals(acr)) {
            throw new PscException(PscError.PSC_TOKEN_ACR_INVALID, "acr is '" + acr + "', expected " + config.acr());
        }
        IdNatPs subjectNameId = subjectNameId(claims);
        if (expectedNonce.isPresent()) {
            Object nonce = claims.getClaim("nonce");
            if (!expectedNonce.get().equals(nonce)) {
                throw new PscException(PscError.PSC_TOKEN_NONCE_INVALID, "the ID token does not carry the nonce sent");
            }
            if (!nonces.firstUse(expectedNonce.get(), claims.getExpirationTime().toInstant().plus(config.clockSkew()))) {
                throw new PscException(PscError.PSC_TOKEN_NONCE_REPLAYED, "this ID token's nonce was already used");
            }
        }
        return new IdTokenClaims(claims.getSubject(), subjectNameId, config.acr(),
                Optional.ofNullable(stringClaim(claims, "authMode")), Optional.ofNullable(stringClaim(claims, "sid")),
                Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant).orElse(now),
                claims.getExpirationTime().toInstant());
    }

    /** Checks the JWS algorithm and signature and returns the claims, unchecked otherwise. */
    JWTClaimsSet verifiedClaims(String token) throws PscException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new PscException(PscError.PSC_TOKEN_MALFORMED, "not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed) || !ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw new PscException(PscError.PSC_TOKEN_ALG_REJECTED, "algorithm " + jwt.getHeader().getAlgorithm()
                    + " refused; only RS256 and ES256 are accepted");
        }
        try {
            return processor.process(signed, null);
        } catch (BadJOSEException e) {
            throw new PscException(PscError.PSC_TOKEN_SIGNATURE_INVALID, "signature refused: " + e.getMessage());
        } catch (KeySourceException e) {
            throw new PscException(PscError.PSC_UNREACHABLE, e.getMessage(), e);
        } catch (JOSEException e) {
            throw new PscException(PscError.PSC_TOKEN_SIGNATURE_INVALID, "signature check failed: " + e.getMessage());
        }
    }

    void checkIssuerAudienceTime(JWTClaimsSet claims, Instant now) throws PscException {
        if (!config.issuer().toString().equals(claims.getIssuer())) {
            throw new PscException(PscError.PSC_TOKEN_ISSUER_INVALID, "issuer '" + claims.getIssuer() + "' is not "
                    + config.issuer());
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(config.clientId())) {
            throw new PscException(PscError.PSC_TOKEN_AUDIENCE_INVALID, "audience " + aud + " lacks client "
                    + config.clientId());
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(config.clockSkew()).isBefore(now)) {
            throw new PscException(PscError.PSC_TOKEN_EXPIRED, "the token expired at " + (exp == null ? "?" : exp.toInstant()));
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().minus(config.clockSkew()).isAfter(now)) {
            throw new PscException(PscError.PSC_TOKEN_EXPIRED, "the token is issued in the future, at " + iat.toInstant());
        }
    }

    /** For signed userinfo: issuer and audience must match, {@code exp} is checked only when present. */
    void checkIssuerAudienceTimeIfPresent(JWTClaimsSet claims, Instant now) throws PscException {
        if (!config.issuer().toString().equals(claims.getIssuer())) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "signed userinfo from issuer '" + claims.getIssuer()
                    + "'");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(config.clientId())) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "signed userinfo for audience " + aud);
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && exp.toInstant().plus(config.clockSkew()).isBefore(now)) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "signed userinfo expired");
        }
    }

    static IdNatPs subjectNameId(JWTClaimsSet claims) throws PscException {
        String v = stringClaim(claims, "SubjectNameID");
        if (v == null || v.isBlank()) {
            throw new PscException(PscError.PSC_TOKEN_SUBJECT_MISSING, "no SubjectNameID claim");
        }
        try {
            return IdNatPs.parse(v);
        } catch (IdentityException e) {
            throw new PscException(PscError.PSC_TOKEN_SUBJECT_MISSING, "SubjectNameID is not an idNat_PS: " + e.error());
        }
    }

    static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }
}

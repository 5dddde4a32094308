package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.vigie.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IdTokenValidatorTest {
    static final String ISSUER = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet";
    static final String CLIENT = "vigie-site";
    static final String SECRET = "a-client-secret-long-enough-for-hs256-0123456789";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static RSAKey pscKey;
    static ECKey pscEcKey;
    static RSAKey otherKey;

    final MutableClock clock = new MutableClock(NOW);
    final PscGatewayConfig config = PscGatewayConfig.withSecret(URI.create(ISSUER), CLIENT, SECRET);
    IdTokenValidator validator;

    @BeforeAll
    static void keys() throws Exception {
        pscKey = new RSAKeyGenerator(2048).keyID("psc-1").generate();
        pscEcKey = new ECKeyGenerator(Curve.P_256).keyID("psc-ec").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("psc-1").generate();
    }

    IdTokenValidatorTest() {
        validator = new IdTokenValidator(config, new ImmutableJWKSet<>(new JWKSet(java.util.List.of(
                pscKey.toPublicJWK(), pscEcKey.toPublicJWK()))), clock);
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("3f0c6d1e-5b7a-4c2e-9a11-0d6f5e2b7c01")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(120))).claim("acr", "eidas1")
                .claim("SubjectNameID", "810099900010").claim("authMode", "CARD").claim("sid", "s-1");
    }

    static String rs256(JWTClaimsSet c, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), c);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    void assertRejected(PscError expected, Executable call) {
        PscException e = assertThrows(PscException.class, call);
        assertEquals(expected, e.error());
        assertEquals(true, e.rejected());
    }

    @Test
    void validRs256TokenGivesItsClaims() throws Exception {
        IdTokenClaims c = validator.validate(rs256(claims().build(), pscKey), Optional.empty());
        assertEquals("810099900010", c.subjectNameId().value());
        assertEquals("eidas1", c.acr());
        assertEquals(Optional.of("CARD"), c.authMode());
        assertEquals(NOW.plusSeconds(120), c.expiresAt());
    }

    @Test
    void validEs256TokenIsAccepted() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("psc-ec").build(), claims().build());
        jwt.sign(new ECDSASigner(pscEcKey));
        assertEquals("810099900010", validator.validate(jwt.serialize(), Optional.empty()).subjectNameId().value());
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String none = new PlainJWT(claims().build()).serialize();
        assertRejected(PscError.PSC_TOKEN_ALG_REJECTED, () -> validator.validate(none, Optional.empty()));
    }

    @Test
    void hs256TokenMacedWithTheClientSecretIsRejected() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        jwt.sign(new MACSigner(SECRET));
        assertRejected(PscError.PSC_TOKEN_ALG_REJECTED, () -> validator.validate(jwt.serialize(), Optional.empty()));
    }

    @Test
    void tokenSignedWithAnotherKeyUnderPscsKeyIdIsRejected() throws Exception {
        String forged = rs256(claims().build(), otherKey);
        assertRejected(PscError.PSC_TOKEN_SIGNATURE_INVALID, () -> validator.validate(forged, Optional.empty()));
    }

    @Test
    void tokenSignedWithTheAttackersOwnKeyAndKeyIdIsRejected() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-1").generate();
        String forged = rs256(claims().build(), attacker);
        assertRejected(PscError.PSC_TOKEN_SIGNATURE_INVALID, () -> validator.validate(forged, Optional.empty()));
    }

    @Test
    void algNoneWrittenByHandWithAnySpellingIsRejected() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims().build().toString()
                .getBytes(StandardCharsets.UTF_8));
        for (String alg : new String[] {"none", "None", "NONE"}) {
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"" + alg + "\",\"kid\":\"psc-1\"}").getBytes(StandardCharsets.UTF_8));
            String token = header + "." + payload + ".";
            PscException e = assertThrows(PscException.class, () -> validator.validate(token, Optional.empty()));
            assertTrue(e.error() == PscError.PSC_TOKEN_ALG_REJECTED || e.error() == PscError.PSC_TOKEN_MALFORMED,
                    alg + " gave " + e.error());
        }
    }

    @Test
    void tokenWithoutAudienceOrExpiryIsRejected() throws Exception {
        String noAud = rs256(claims().audience((String) null).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_AUDIENCE_INVALID, () -> validator.validate(noAud, Optional.empty()));
        String noExp = rs256(claims().expirationTime(null).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_EXPIRED, () -> validator.validate(noExp, Optional.empty()));
    }

    @Test
    void audienceListWithTheClientAmongOthersIsAcceptedButAnotherClientAloneIsNot() throws Exception {
        String both = rs256(claims().audience(java.util.List.of("another-client", CLIENT)).build(), pscKey);
        assertEquals("810099900010", validator.validate(both, Optional.empty()).subjectNameId().value());
        String others = rs256(claims().audience(java.util.List.of("another-client", "third")).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_AUDIENCE_INVALID, () -> validator.validate(others, Optional.empty()));
    }

    @Test
    void acrGivenAsAListOrInAnotherCaseIsRejected() throws Exception {
        String list = rs256(claims().claim("acr", java.util.List.of("eidas1")).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_ACR_INVALID, () -> validator.validate(list, Optional.empty()));
        String upper = rs256(claims().claim("acr", "EIDAS1").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_ACR_INVALID, () -> validator.validate(upper, Optional.empty()));
    }

    @Test
    void aSecondTokenCarryingASpentNonceIsRejected() throws Exception {
        validator.validate(rs256(claims().claim("nonce", "n-9").build(), pscKey), Optional.of("n-9"));
        String replay = rs256(claims().claim("nonce", "n-9").claim("sid", "s-2").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_NONCE_REPLAYED, () -> validator.validate(replay, Optional.of("n-9")));
        String missing = rs256(claims().build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_NONCE_INVALID, () -> validator.validate(missing, Optional.of("n-10")));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() throws Exception {
        String t = rs256(claims().issuer("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_ISSUER_INVALID, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void tokenForAnotherClientIsRejected() throws Exception {
        String t = rs256(claims().audience("another-client").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_AUDIENCE_INVALID, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void tokenExpiredBeyondTheSkewIsRejectedButWithinItIsAccepted() throws Exception {
        String t = rs256(claims().build(), pscKey);
        clock.advance(Duration.ofSeconds(120 + 29));
        validator.validate(t, Optional.empty());
        clock.advance(Duration.ofSeconds(2));
        assertRejected(PscError.PSC_TOKEN_EXPIRED, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void tokenIssuedInTheFutureIsRejected() throws Exception {
        String t = rs256(claims().issueTime(Date.from(NOW.plusSeconds(300))).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_EXPIRED, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void replayedNonceIsRejectedTheSecondTime() throws Exception {
        String t = rs256(claims().claim("nonce", "n-123").build(), pscKey);
        validator.validate(t, Optional.of("n-123"));
        assertRejected(PscError.PSC_TOKEN_NONCE_REPLAYED, () -> validator.validate(t, Optional.of("n-123")));
    }

    @Test
    void tokenWithoutTheNonceSentIsRejected() throws Exception {
        String t = rs256(claims().claim("nonce", "n-other").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_NONCE_INVALID, () -> validator.validate(t, Optional.of("n-123")));
    }

    @Test
    void acrOtherThanEidas1IsRejected() throws Exception {
        String t = rs256(claims().claim("acr", "eidas2").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_ACR_INVALID, () -> validator.validate(t, Optional.empty()));
        String none = rs256(claims().claim("acr", null).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_ACR_INVALID, () -> validator.validate(none, Optional.empty()));
    }

    @Test
    void tokenWithoutSubjectNameIdIsRejected() throws Exception {
        String t = rs256(claims().claim("SubjectNameID", null).build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_SUBJECT_MISSING, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void subjectNameIdWithABadRppsKeyIsRejected() throws Exception {
        String t = rs256(claims().claim("SubjectNameID", "810099900011").build(), pscKey);
        assertRejected(PscError.PSC_TOKEN_SUBJECT_MISSING, () -> validator.validate(t, Optional.empty()));
    }

    @Test
    void garbageIsRejectedAsMalformed() {
        assertRejected(PscError.PSC_TOKEN_MALFORMED, () -> validator.validate("not.a.jwt", Optional.empty()));
    }
}

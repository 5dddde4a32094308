package fr.vigie.hub.sandbox.apcv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hub.admission.AdmissionRejection;
import fr.vigie.hub.admission.ApcvIdentity;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.admission.ApcvVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** ApCV tokens: the sandbox issuer's are accepted for their site; forged, expired and misdirected ones are refused. */
class ApcvVerifierTest {
    private static final ApcvIssuer.Identity DUPONT = new ApcvIssuer.Identity("280057505612389", "1.2.250.1.213.1.4.10",
            "DUPONT", "MARIE CLAIRE", "F", "1980-05-12", "75056");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final ApcvIssuer issuer = ApcvIssuer.generate(clock);
    private final ApcvVerifier verifier = new ApcvVerifier(issuer.trust(), clock);

    private String rejected(String token, String site) {
        return assertThrows(AdmissionRejection.class, () -> verifier.verify(token, site)).error().name();
    }

    @Test
    void aFreshTokenForThisSiteGivesItsIdentity() throws Exception {
        ApcvIdentity id = verifier.verify(issuer.issue(DUPONT, "chu-nord", Duration.ofMinutes(2)), "chu-nord");

        assertEquals("280057505612389", id.matricule().value());
        assertEquals("DUPONT", id.traits().nomNaissance());
        assertEquals(clock.instant().plus(Duration.ofMinutes(2)), id.expiresAt());
        assertFalse(id.toString().contains("280057505612389"));
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheSkewHasPassed() throws Exception {
        String token = issuer.issue(DUPONT, "chu-nord", Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2).plusSeconds(29));
        verifier.verify(token, "chu-nord");

        clock.advance(Duration.ofSeconds(1));

        assertEquals("APCV_EXPIRED", rejected(token, "chu-nord"));
    }

    @Test
    void aTokenForAnotherSiteIsRefused() {
        assertEquals("APCV_WRONG_AUDIENCE", rejected(issuer.issue(DUPONT, "chu-sud", Duration.ofMinutes(2)), "chu-nord"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedAsUnknownKey() {
        ApcvIssuer stranger = ApcvIssuer.generate(clock);

        assertEquals("APCV_UNKNOWN_KEY", rejected(stranger.issue(DUPONT, "chu-nord", Duration.ofMinutes(2)), "chu-nord"));
    }

    @Test
    void aTokenWhoseClaimsWereAlteredIsRefusedAsForged() {
        String token = issuer.issue(DUPONT, "chu-nord", Duration.ofMinutes(2));
        String[] parts = token.substring(ApcvVerifier.PREFIX.length()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("280057505612389", "180032B02040123");
        String forged = ApcvVerifier.PREFIX + parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertEquals("APCV_SIGNATURE_INVALID", rejected(forged, "chu-nord"));
    }

    @Test
    void unsignedAndHmacTokensAreRefusedBeforeAnyKeyIsUsed() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ApcvIssuer.ISSUER).audience("chu-nord").build();
        String none = new PlainJWT(new PlainHeader(), claims).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(new byte[32]));

        assertEquals("APCV_MALFORMED", rejected(ApcvVerifier.PREFIX + none, "chu-nord"));
        assertEquals("APCV_ALG_REFUSED", rejected(ApcvVerifier.PREFIX + hmac.serialize(), "chu-nord"));
    }

    @Test
    void aLongLivedTokenIsRefused() {
        Instant now = clock.instant();

        assertEquals("APCV_LIFETIME_TOO_LONG", rejected(issuer.sign(DUPONT, "chu-nord", now, now.plus(Duration.ofHours(1)),
                "t-1"), "chu-nord"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = clock.instant().plus(Duration.ofMinutes(5));

        assertEquals("APCV_NOT_YET_VALID", rejected(issuer.sign(DUPONT, "chu-nord", later, later.plusSeconds(60), "t-2"),
                "chu-nord"));
    }

    @Test
    void aTokenWithAnInvalidInsIsRefused() {
        ApcvIssuer.Identity badKey = new ApcvIssuer.Identity("280057505612388", "1.2.250.1.213.1.4.10", "DUPONT",
                "MARIE", "F", "1980-05-12", null);

        assertEquals("APCV_IDENTITY_INVALID", rejected(issuer.issue(badKey, "chu-nord", Duration.ofMinutes(1)), "chu-nord"));
    }

    @Test
    void textThatIsNotAnApcvTokenIsRefusedAsMalformed() {
        assertEquals("APCV_MALFORMED", rejected("APCV1.abc.def", "chu-nord"));
        assertEquals("APCV_MALFORMED", rejected("APCV2.a.b.c", "chu-nord"));
        assertEquals("APCV_MALFORMED", rejected("APCV1." + "A".repeat(3000), "chu-nord"));
    }

    @Test
    void settingsRefuseAPrivateKeyOrAnRsaKey() throws Exception {
        var ec = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("k").generate();
        var rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("r").generate();

        assertThrows(IllegalArgumentException.class, () -> ApcvSettings.of(java.util.List.of(ec), "x"));
        assertThrows(IllegalArgumentException.class, () -> ApcvSettings.of(java.util.List.of(rsa.toPublicJWK()), "x"));
    }
}

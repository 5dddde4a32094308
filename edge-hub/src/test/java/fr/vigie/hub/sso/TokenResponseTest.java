package fr.vigie.hub.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.junit.jupiter.api.Test;

class TokenResponseTest {
    @Test
    void theTokenResponseNamesTheSessionAsSessionStateBesideTheIdToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        SignedJWT idToken = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("810001234607").claim("sid", "sid-42").build());
        idToken.sign(new RSASSASigner(key));

        String json = OpenIdProvider.tokenResponse(new OIDCTokens(idToken, new BearerAccessToken("at", 300, null),
                null), "sid-42").toJSONObject().toJSONString();

        TokenResponse parsed = OIDCTokenResponseParser.parse(com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(json));
        assertTrue(parsed.indicatesSuccess(), json);
        OIDCTokenResponse ok = (OIDCTokenResponse) parsed.toSuccessResponse();
        assertEquals("sid-42", ok.getCustomParameters().get("session_state"));
        assertEquals("810001234607", ok.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
        assertEquals("Bearer", com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(json).get("token_type"));
    }
}

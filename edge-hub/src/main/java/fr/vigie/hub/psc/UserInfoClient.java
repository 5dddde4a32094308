package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads PSC's userinfo with an access token. PSC answers {@code application/json} or a signed
 * {@code application/jwt}; a JWT's signature, issuer and audience are checked like an ID token's.
 * Either way the subject must be the ID token's. Under {@code tls_client_auth} the request goes over
 * the client's certificate, so that a certificate-bound access token (RFC 8705) is accepted. Thread-safe.
 */
public final class UserInfoClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PscHttp http;
    private final PscProvider provider;
    private final IdTokenValidator validator;
    private final Clock clock;

    public UserInfoClient(PscGatewayConfig config, PscProvider provider, IdTokenValidator validator, Clock clock) {
        this.http = new PscHttp(config);
        this.provider = provider;
        this.validator = validator;
        this.clock = clock;
    }

    /** Fetches the userinfo of the professional the tokens belong to. */
    public PscUserInfo fetch(PscTokens tokens) throws PscException {
        HTTPResponse reply = http.exchange(new UserInfoRequest(provider.userinfoEndpoint(),
                new BearerAccessToken(tokens.accessToken())).toHTTPRequest());
        if (!reply.indicatesSuccess()) {
            throw PscHttp.refused(reply, "userinfo");
        }
        UserInfoSuccessResponse answer;
        try {
            answer = UserInfoResponse.parse(reply).toSuccessResponse();
        } catch (ParseException e) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo is neither JSON nor a JWT: "
                    + e.getMessage());
        }
        boolean signed = answer.getUserInfoJWT() != null;
        UserInfo doc;
        try {
            if (signed) {
                JWTClaimsSet claims = validator.verifiedClaims(answer.getUserInfoJWT().getParsedString());
                validator.checkIssuerAudienceTimeIfPresent(claims, clock.instant());
                doc = new UserInfo(claims);
            } else {
                doc = Objects.requireNonNull(answer.getUserInfo(), "no userinfo");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo has no subject");
        }
        if (!tokens.claims().subject().equals(doc.getSubject().getValue())) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo is about another subject");
        }
        IdNatPs id;
        try {
            id = IdNatPs.parse(Objects.requireNonNullElse(doc.getStringClaim("SubjectNameID"), ""));
        } catch (IdentityException e) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo SubjectNameID is not an idNat_PS");
        }
        Object refPro = doc.getClaim("SubjectRefPro");
        JsonNode refProJson = refPro == null ? MissingNode.getInstance() : JSON.valueToTree(refPro);
        return new PscUserInfo(doc.getSubject().getValue(), id, Objects.requireNonNullElse(doc.getGivenName(), ""),
                Objects.requireNonNullElse(doc.getFamilyName(), ""), SubjectRefPro.parse(refProJson), signed);
    }
}

package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.time.Clock;

/**
 * Reads PSC's userinfo with an access token. PSC answers {@code application/json} or a signed
 * {@code application/jwt}; a JWT's signature, issuer and audience are checked like an ID token's.
 * Either way the subject must be the ID token's. Thread-safe.
 */
public final class UserInfoClient {
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
        PscHttp.Reply reply = http.get(provider.userinfoEndpoint(), tokens.accessToken());
        if (!reply.ok()) {
            throw PscHttp.oauthError(reply, "userinfo");
        }
        boolean signed = reply.contentType().toLowerCase().startsWith("application/jwt");
        JsonNode doc;
        if (signed) {
            JWTClaimsSet claims = validator.verifiedClaims(reply.body().strip());
            validator.checkIssuerAudienceTimeIfPresent(claims, clock.instant());
            doc = PscHttp.JSON.valueToTree(claims.toJSONObject());
        } else {
            doc = reply.json();
        }
        String sub = doc.path("sub").asText("");
        if (!sub.equals(tokens.claims().subject())) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo is about another subject");
        }
        IdNatPs id;
        try {
            id = IdNatPs.parse(doc.path("SubjectNameID").asText(""));
        } catch (IdentityException e) {
            throw new PscException(PscError.PSC_USERINFO_INVALID, "userinfo SubjectNameID is not an idNat_PS");
        }
        return new PscUserInfo(sub, id, doc.path("given_name").asText(""), doc.path("family_name").asText(""),
                SubjectRefPro.parse(doc.path("SubjectRefPro")), signed);
    }
}

package fr.vigie.hub.psc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/**
 * Pro Santé Connect's metadata, read from {@code {issuer}/.well-known/wallet-openid-configuration}
 * (PSC's non-standard name for the OpenID discovery document), or from the configured
 * {@link PscGatewayConfig#discoveryPath()} for a standard provider. Discovery checks that the document
 * names the configured issuer and carries every endpoint the gateway uses. Immutable.
 *
 * @param issuer the issuer, equal to the configured one
 * @param authorizationEndpoint the browser sign-in endpoint
 * @param tokenEndpoint the token endpoint (code, refresh and CIBA grants)
 * @param userinfoEndpoint the userinfo endpoint
 * @param jwksUri the signing keys
 * @param cibaEndpoint {@code backchannel_authentication_endpoint}, {@code ext/ciba/auth}
 * @param introspectionEndpoint the introspection endpoint
 * @param endSessionEndpoint the logout endpoint
 */
public record PscProvider(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userinfoEndpoint, URI jwksUri,
        URI cibaEndpoint, URI introspectionEndpoint, URI endSessionEndpoint) {
    /** PSC's discovery path under the issuer, the default of {@link PscGatewayConfig#discoveryPath()}. */
    public static final String DISCOVERY_PATH = PscGatewayConfig.PSC_DISCOVERY_PATH;

    /** Fetches and checks the discovery document of the configured issuer. */
    public static PscProvider discover(PscGatewayConfig config) throws PscException {
        return discover(new PscHttp(config));
    }

    static PscProvider discover(PscHttp http) throws PscException {
        URI issuer = http.config().issuer();
        PscHttp.Reply reply;
        try {
            reply = http.get(URI.create(issuer + http.config().discoveryPath()), null);
        } catch (PscException e) {
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "discovery at " + issuer + " failed", e);
        }
        if (!reply.ok()) {
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "discovery at " + issuer + " answered HTTP "
                    + reply.status());
        }
        JsonNode doc;
        try {
            doc = reply.json();
        } catch (PscException e) {
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "the discovery document is not JSON", e);
        }
        String named = doc.path("issuer").asText("");
        if (!issuer.toString().equals(named)) {
            throw new PscException(PscError.PSC_ISSUER_MISMATCH, "discovery names issuer '" + named
                    + "', configured " + issuer);
        }
        return new PscProvider(issuer, endpoint(doc, "authorization_endpoint"), endpoint(doc, "token_endpoint"),
                endpoint(doc, "userinfo_endpoint"), endpoint(doc, "jwks_uri"),
                endpoint(doc, "backchannel_authentication_endpoint"), endpoint(doc, "introspection_endpoint"),
                endpoint(doc, "end_session_endpoint"));
    }

    private static URI endpoint(JsonNode doc, String name) throws PscException {
        String v = Optional.ofNullable(doc.get(name)).map(JsonNode::asText).orElse("");
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (v.isBlank() || uri == null || !uri.isAbsolute()) {
            throw new PscException(PscError.PSC_ENDPOINT_MISSING, "the discovery document has no valid " + name);
        }
        return uri;
    }
}

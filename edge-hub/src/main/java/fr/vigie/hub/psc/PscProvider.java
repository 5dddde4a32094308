package fr.vigie.hub.psc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderEndpointMetadata;
import java.net.URI;
import java.util.Optional;
import net.minidev.json.JSONObject;

/**
 * Pro Santé Connect's metadata, read from {@code {issuer}/.well-known/wallet-openid-configuration}
 * (PSC's non-standard name for the OpenID discovery document), or from the configured
 * {@link PscGatewayConfig#discoveryPath()} for a standard provider. Discovery checks that the document
 * names the configured issuer and carries every endpoint the gateway uses. Under {@code tls_client_auth}
 * the token, CIBA, userinfo and introspection endpoints are taken from the document's
 * {@code mtls_endpoint_aliases} when it has them (RFC 8705 §5), since a provider may serve client
 * certificates only there. Immutable.
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
        HTTPResponse reply;
        try {
            reply = http.exchange(new HTTPRequest(HTTPRequest.Method.GET,
                    URI.create(issuer + http.config().discoveryPath())));
        } catch (PscException e) {
            if (e.error() == PscError.PSC_CLIENT_UNAUTHORIZED) {
                throw e;
            }
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "discovery at " + issuer + " failed", e);
        }
        if (!reply.indicatesSuccess()) {
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "discovery at " + issuer + " answered HTTP "
                    + reply.getStatusCode());
        }
        JSONObject doc;
        try {
            doc = reply.getBodyAsJSONObject();
        } catch (ParseException e) {
            throw new PscException(PscError.PSC_DISCOVERY_FAILED, "the discovery document is not JSON", e);
        }
        String named = doc.get("issuer") instanceof String s ? s : "";
        if (!issuer.toString().equals(named)) {
            throw new PscException(PscError.PSC_ISSUER_MISMATCH, "discovery names issuer '" + named
                    + "', configured " + issuer);
        }
        OIDCProviderEndpointMetadata endpoints = endpoints(doc);
        OIDCProviderEndpointMetadata mtls = http.mutualTls() && doc.get("mtls_endpoint_aliases") instanceof JSONObject a
                ? endpoints(a) : new OIDCProviderEndpointMetadata();
        return new PscProvider(issuer,
                required("authorization_endpoint", endpoints.getAuthorizationEndpointURI()),
                required("token_endpoint", alias(mtls.getTokenEndpointURI(), endpoints.getTokenEndpointURI())),
                required("userinfo_endpoint", alias(mtls.getUserInfoEndpointURI(), endpoints.getUserInfoEndpointURI())),
                required("jwks_uri", uri(doc, "jwks_uri")),
                required("backchannel_authentication_endpoint", alias(mtls.getBackChannelAuthenticationEndpointURI(),
                        endpoints.getBackChannelAuthenticationEndpointURI())),
                required("introspection_endpoint", alias(mtls.getIntrospectionEndpointURI(),
                        endpoints.getIntrospectionEndpointURI())),
                required("end_session_endpoint", endpoints.getEndSessionEndpointURI()));
    }

    private static OIDCProviderEndpointMetadata endpoints(JSONObject doc) throws PscException {
        try {
            return OIDCProviderEndpointMetadata.parse(doc);
        } catch (ParseException e) {
            throw new PscException(PscError.PSC_ENDPOINT_MISSING, "the discovery document has an invalid endpoint: "
                    + e.getMessage());
        }
    }

    private static URI alias(URI mtlsAlias, URI endpoint) {
        return mtlsAlias != null ? mtlsAlias : endpoint;
    }

    private static URI uri(JSONObject doc, String name) throws PscException {
        try {
            return JSONObjectUtils.getURI(doc, name, null);
        } catch (ParseException e) {
            throw new PscException(PscError.PSC_ENDPOINT_MISSING, "the discovery document has no valid " + name);
        }
    }

    private static URI required(String name, URI uri) throws PscException {
        if (Optional.ofNullable(uri).filter(URI::isAbsolute).isEmpty()) {
            throw new PscException(PscError.PSC_ENDPOINT_MISSING, "the discovery document has no valid " + name);
        }
        return uri;
    }
}

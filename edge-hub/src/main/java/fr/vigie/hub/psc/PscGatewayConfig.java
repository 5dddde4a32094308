package fr.vigie.hub.psc;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * How the hub talks to Pro Santé Connect, checked once when built; the gateway's run-time form of the
 * {@code hub.psc.*} settings ({@link PscGatewaySettings}). The client authenticates with a client
 * secret (HTTP Basic, PSC's bac à sable) when one is given, otherwise with mutual TLS
 * ({@code tls_client_auth}: the {@link SSLContext} holds the IGC-Santé certificate). The TLS context,
 * when given, also says which CAs PSC's server certificate must chain to; without one the JVM's
 * defaults apply. Immutable; {@code toString()} hides the secret.
 *
 * <pre>{@code
 * PscGatewayConfig cfg = PscGatewayConfig.withSecret(
 *         URI.create("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"), "vigie-site", secret);
 * }</pre>
 *
 * @param issuer the PSC issuer, without trailing slash
 * @param clientId the client id registered at PSC
 * @param clientSecret the client secret, for Basic client authentication
 * @param tls the TLS context of every call to PSC: the client certificate for mutual-TLS client
 *        authentication (required without a secret), and the trusted CAs
 * @param scope the scopes asked for, {@code openid scope_all}
 * @param acr the only acceptable {@code acr}, {@code eidas1}
 * @param clockSkew tolerance on {@code exp} and {@code iat}
 * @param jwksMinRefetch the least time between two JWKS fetches caused by an unknown key id
 * @param httpTimeout the timeout of each HTTP exchange with PSC
 * @param discoveryPath where the discovery document lies under the issuer: PSC's
 *        {@value #PSC_DISCOVERY_PATH} by default, {@value #OIDC_DISCOVERY_PATH} for a standard
 *        OpenID provider (the Keycloak interoperability test)
 */
public record PscGatewayConfig(URI issuer, String clientId, Optional<String> clientSecret, Optional<SSLContext> tls,
        String scope, String acr, Duration clockSkew, Duration jwksMinRefetch, Duration httpTimeout,
        String discoveryPath) {
    public static final String DEFAULT_SCOPE = "openid scope_all";
    public static final String EIDAS1 = "eidas1";
    /** PSC's non-standard discovery path, the default. */
    public static final String PSC_DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";
    /** The discovery path of OpenID Connect Discovery 1.0. */
    public static final String OIDC_DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final Pattern WELL_KNOWN =
            Pattern.compile("/\\.well-known/[A-Za-z0-9_-]+(?:[.-][A-Za-z0-9_-]+)*");

    public PscGatewayConfig {
        Objects.requireNonNull(issuer, "psc.issuer is required");
        require(issuer.isAbsolute() && ("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme())),
                "psc.issuer must be an absolute http(s) URI, got " + issuer);
        require(!issuer.toString().endsWith("/"), "psc.issuer must not end with '/', got " + issuer);
        require(clientId != null && !clientId.isBlank(), "psc.clientId is required");
        clientSecret = Objects.requireNonNullElse(clientSecret, Optional.empty());
        tls = Objects.requireNonNullElse(tls, Optional.empty());
        require(clientSecret.isPresent() || tls.isPresent(),
                "psc: give psc.clientSecret or a mutual-TLS context holding the client certificate");
        clientSecret.ifPresent(s -> require(!s.isBlank(), "psc.clientSecret must not be blank"));
        require(scope != null && scope.contains("openid"), "psc.scope must contain openid, got " + scope);
        require(acr != null && !acr.isBlank(), "psc.acr is required");
        require(clockSkew != null && !clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(5)) <= 0,
                "psc.clockSkew must be between 0 and 5 minutes, got " + clockSkew);
        require(jwksMinRefetch != null && !jwksMinRefetch.isNegative(), "psc.jwksMinRefetch must not be negative");
        require(httpTimeout != null && !httpTimeout.isNegative() && !httpTimeout.isZero(), "psc.httpTimeout must be positive");
        require(discoveryPath != null && WELL_KNOWN.matcher(discoveryPath).matches(),
                "psc.discoveryPath must be one /.well-known/ name under the issuer, got " + discoveryPath);
    }

    /** The configuration with PSC's discovery path. */
    public PscGatewayConfig(URI issuer, String clientId, Optional<String> clientSecret, Optional<SSLContext> tls,
            String scope, String acr, Duration clockSkew, Duration jwksMinRefetch, Duration httpTimeout) {
        this(issuer, clientId, clientSecret, tls, scope, acr, clockSkew, jwksMinRefetch, httpTimeout,
                PSC_DISCOVERY_PATH);
    }

    /** Client-secret authentication with the defaults: {@code openid scope_all}, {@code eidas1}, 30 s skew. */
    public static PscGatewayConfig withSecret(URI issuer, String clientId, String secret) {
        return new PscGatewayConfig(issuer, clientId, Optional.of(secret), Optional.empty(), DEFAULT_SCOPE, EIDAS1,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** Mutual-TLS client authentication with the same defaults. */
    public static PscGatewayConfig withMutualTls(URI issuer, String clientId, SSLContext tls) {
        return new PscGatewayConfig(issuer, clientId, Optional.empty(), Optional.of(tls), DEFAULT_SCOPE, EIDAS1,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** A copy with another least time between JWKS refetches. */
    public PscGatewayConfig withJwksMinRefetch(Duration d) {
        return new PscGatewayConfig(issuer, clientId, clientSecret, tls, scope, acr, clockSkew, d, httpTimeout,
                discoveryPath);
    }

    /**
     * A copy reading the discovery document at another {@code /.well-known/} path under the same
     * issuer; discovery still requires the document to name that issuer.
     */
    public PscGatewayConfig withDiscoveryPath(String path) {
        return new PscGatewayConfig(issuer, clientId, clientSecret, tls, scope, acr, clockSkew, jwksMinRefetch,
                httpTimeout, path);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "PscGatewayConfig[issuer=" + issuer + ", clientId=" + clientId + ", auth="
                + (clientSecret.isPresent() ? "client_secret_basic" : "tls_client_auth") + ", scope=" + scope
                + ", acr=" + acr + ", clockSkew=" + clockSkew + ", discoveryPath=" + discoveryPath + "]";
    }
}

package fr.vigie.hub.sso;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An application registered by IT with the hub's OpenID Provider. Immutable; the secret is never part of it
 * (only its SHA-256 is stored, see {@link SsoClients}).
 *
 * @param clientId the application's {@code client_id} (3 to 64 of {@code a-z 0-9 . _ -})
 * @param name what the console and, later, the kiosk's launchpad show
 * @param redirectUris where codes may be sent, compared exactly ({@code https}, or {@code http} on a loopback
 *     host only)
 * @param minLevel the lowest authentication level whose sessions may sign in to it
 * @param authMethod how it authenticates at the token endpoint
 * @param jwks its public keys (a JWK set, JSON) for {@code private_key_jwt}
 * @param backChannelLogoutUri where the hub POSTs logout tokens (OIDC Back-Channel Logout 1.0)
 * @param frontChannelLogoutUri the page the hub's logout page loads when the client has no back-channel URI
 * @param postLogoutRedirectUris where RP-initiated logout may send the browser back, compared exactly
 * @param kioskGroups the kiosk groups whose launchpad lists it (empty: none)
 */
public record SsoClient(String clientId, String name, List<URI> redirectUris, SsoLevel minLevel,
        AuthMethod authMethod, Optional<String> jwks, Optional<URI> backChannelLogoutUri,
        Optional<URI> frontChannelLogoutUri, List<URI> postLogoutRedirectUris, List<String> kioskGroups) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    /** Client authentication methods at the token endpoint. */
    public enum AuthMethod {
        /** HTTP Basic with the client secret. */
        CLIENT_SECRET_BASIC("client_secret_basic"),
        /** A JWT signed with the client's private key (RFC 7523). */
        PRIVATE_KEY_JWT("private_key_jwt");

        private final String value;

        AuthMethod(String value) {
            this.value = value;
        }

        /** As OAuth names it. */
        public String value() {
            return value;
        }

        /** The method named {@code value} (OAuth's name or the enum's). */
        public static Optional<AuthMethod> parse(String value) {
            for (AuthMethod m : values()) {
                if (m.value.equals(value) || m.name().equals(value)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public SsoClient {
        if (clientId == null || !ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("clientId must be 3 to 64 of a-z, 0-9, '.', '_', '-'");
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("name is required (at most 120 characters)");
        }
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris needs at least one URI");
        }
        redirectUris.forEach(u -> checkUri("redirectUris", u));
        Objects.requireNonNull(minLevel, "minLevel is required");
        Objects.requireNonNull(authMethod, "authMethod is required");
        Objects.requireNonNull(jwks, "jwks");
        if (authMethod == AuthMethod.PRIVATE_KEY_JWT && jwks.isEmpty()) {
            throw new IllegalArgumentException("jwks is required for private_key_jwt");
        }
        backChannelLogoutUri.ifPresent(u -> checkUri("backChannelLogoutUri", u));
        frontChannelLogoutUri.ifPresent(u -> checkUri("frontChannelLogoutUri", u));
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        postLogoutRedirectUris.forEach(u -> checkUri("postLogoutRedirectUris", u));
        kioskGroups = List.copyOf(kioskGroups);
    }

    /** Whether {@code uri} is one of the registered redirect URIs, exactly. */
    public boolean redirectsTo(String uri) {
        return redirectUris.stream().anyMatch(u -> u.toString().equals(uri));
    }

    static void checkUri(String field, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())
                || "[::1]".equals(uri.getHost());
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null
                || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException(field + " must hold absolute https URIs without fragment (http only"
                    + " on a loopback host), got " + uri);
        }
    }
}

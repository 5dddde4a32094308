/**
 * The hub's Pro Santé Connect gateway: the OpenID Connect confidential client that holds the
 * site's PSC credentials, since a kiosk must never talk to PSC directly.
 *
 * <p>{@link fr.vigie.hub.psc.PscProvider} reads the provider's metadata from
 * {@code {issuer}/.well-known/wallet-openid-configuration} (or a standard provider's
 * {@code openid-configuration}, as in the Keycloak interoperability test); {@link fr.vigie.hub.psc.CibaFlow} runs
 * CIBA in poll mode (card or e-CPS), {@link fr.vigie.hub.psc.AuthCodeFlow} the browser sign-in with
 * PKCE, {@link fr.vigie.hub.psc.PscTokenClient} refresh, introspection and logout.
 * {@link fr.vigie.hub.psc.IdTokenValidator} and {@link fr.vigie.hub.psc.UserInfoClient} check what
 * comes back, and {@link fr.vigie.hub.psc.SessionBindingGuard} attaches tokens to a kiosk session
 * only when their {@code SubjectNameID} is the expected idNat_PS.
 *
 * <p>Every request and answer is an object of the Nimbus OAuth 2.0 / OpenID Connect SDK
 * ({@code AuthenticationRequest}, {@code TokenRequest}, {@code CIBARequest}, {@code UserInfoRequest},
 * {@code TokenIntrospectionRequest}, {@code LogoutRequest} and their responses), the library the hub's own
 * OpenID provider uses too; {@code PscHttp} is the one transport that sends them (timeouts,
 * no redirects, the TLS context with the trusted CAs and the client certificate) and says how the client
 * authenticates: HTTP Basic with a secret (PSC's bac à sable), or {@code tls_client_auth} — {@code client_id}
 * only, the IGC-Santé certificate presented in the handshake of every call, on the discovery document's
 * {@code mtls_endpoint_aliases} when it has them (RFC 8705). {@code KeycloakInteropIT} runs both against Keycloak.
 *
 * <p>Failures carry a stable {@link fr.vigie.hub.psc.PscError} code; a token or answer that is
 * wrong is <em>rejected</em>, a provider that cannot be reached has <em>failed</em>. Tokens are
 * never logged and no record here prints one in {@code toString()}.
 */
package fr.vigie.hub.psc;

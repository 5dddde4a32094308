/**
 * A site application for single sign-on, small enough to read in one sitting: {@link fr.vigie.system.sso.RelyingParty}
 * speaks OpenID Connect to the hub's OpenID Provider as an establishment's web application would (third-party
 * initiated login, code + PKCE S256, client_secret_basic over TLS, ID token checked against the published keys,
 * back-channel logout). For {@code ./vigie bench sso} and the end-to-end tests; never part of a site.
 */
package fr.vigie.system.sso;

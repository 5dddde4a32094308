/**
 * Single sign-on of clinicians into the site's web applications (HospiConnect): the hub as an OpenID
 * Provider. {@link fr.vigie.hub.sso.SingleSignOn} knows who is signed in at each kiosk, proven — the
 * clinician's CPS card signs a hub nonce ({@link fr.vigie.hub.agent.ProvenAgents#checkCard}: card + PIN, or
 * a contactless tap inside the re-authentication window), or the kiosk session's Pro Santé Connect sign-in is
 * bound on the hub ({@link fr.vigie.hub.sso.PscSignIns}: with PSC's names and chosen exercice) — and gives the kiosk one-time tickets for its browser ({@link fr.vigie.hub.sso.SsoDeviceRoutes},
 * {@link fr.vigie.protocol.device.SsoApi}). {@link fr.vigie.hub.sso.OpenIdProvider} serves discovery, JWKS,
 * the authorization endpoint (code flow, PKCE S256 only, step-up by {@link fr.vigie.hub.sso.SsoLevel}), the
 * token endpoint, userinfo and RP-initiated logout on an HTTPS listener of its own; ending a kiosk session
 * sends OIDC back-channel logout tokens ({@link fr.vigie.hub.sso.BackChannelLogout}). IT registers the
 * applications ({@link fr.vigie.hub.sso.SsoClients}, {@link fr.vigie.hub.sso.SsoClientRoutes}) and where kiosks'
 * launchpads start them ({@link fr.vigie.hub.sso.SsoLaunchpad}: the applications of a kiosk's group, by
 * {@link fr.vigie.hub.sso.SsoClient#kioskGroups()}, over {@link fr.vigie.protocol.device.SsoApi#APPLICATIONS}). State
 * is in PostgreSQL ({@code V90__sso.sql}, the session's exercice {@code V94__sso_exercice.sql}; claims in
 * {@link fr.vigie.hub.sso.IdTokens}): signing keys sealed, secrets as SHA-256. {@link fr.vigie.hub.sso.LocalAccounts}
 * gives the local login and groups ({@link fr.vigie.hub.directory}, {@code hub.directory.*}); an application asking
 * for {@link fr.vigie.hub.sso.OpenIdProvider#LOCAL_ACCOUNT} gets no code for a clinician without one. The discovery
 * document serves any relying party: Keycloak brokering to the hub is tested, and needs the token response's
 * {@code session_state}, the session's {@code sid}, to match logout tokens.
 */
package fr.vigie.hub.sso;

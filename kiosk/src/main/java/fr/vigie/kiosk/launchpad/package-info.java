/**
 * The clinician's launchpad (HospiConnect single sign-on from the kiosk): once a clinician session is open,
 * {@link fr.vigie.kiosk.launchpad.Launchpad} asks the hub for the applications of the kiosk's group
 * ({@link fr.vigie.protocol.device.SsoApi#APPLICATIONS}), proves the session to the hub's OpenID Provider
 * (the session's own card signs a hub nonce — card + PIN —, or its Pro Santé Connect sign-in bound on the hub)
 * and shows the applications (slot {@code launchpad}, above the open-session screen). Tapping one opens it in
 * the kiosk's browser: {@code GET /ui/x/launchpad/open} gets a one-time ticket from the hub and redirects to the
 * application's start URI (third-party-initiated login: {@code iss}, {@code target_link_uri},
 * {@code login_hint_token}); the application starts its own code + PKCE flow, and the hub's authorization
 * endpoint knows the browser by the ticket. The kiosk holds no password, no refresh token and no application
 * token: only the ticket, for the instant of one redirect.
 *
 * <p>When the session locks or closes (card removed, walk-away, idle, sign-out, another clinician), the
 * launchpad screen goes at once, the kiosk page closes the application window it opened ({@code kiosk.js}: any
 * screen without {@code data-app-window}), and the hub is told to end the SSO session
 * ({@link fr.vigie.protocol.device.SsoApi#END}), which logs every application of it out (OIDC back-channel
 * logout). Texts in {@code i18n/launchpad_fr.properties} and {@code _en}.
 */
package fr.vigie.kiosk.launchpad;

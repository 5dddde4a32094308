package fr.vigie.protocol.device;

/**
 * The device API routes by which a kiosk opens, uses and ends its clinician's single sign-on session on the
 * hub's OpenID Provider (HospiConnect). The hub serves them; the kiosk calls them with {@code HubApi.call}.
 * The kiosk proves who is signed in at it — the clinician's CPS card signs a hub nonce (contact with PIN, or a
 * contactless tap inside the re-authentication window), or the kiosk session's Pro Santé Connect sign-in is
 * bound on the hub — then asks for one-time tickets that its browser presents to the OpenID Provider's
 * authorization endpoint ({@code login_hint_token}) instead of a password. A kiosk only ever gets tickets for
 * its own session. When the session locks or closes, {@link #END} ends the SSO session and logs every
 * application of it out (OIDC back-channel logout).
 *
 * <pre>
 * POST /device/v1/sso/nonce        {@link NonceRequest}       → 201 {@link NonceAnswer}
 * POST /device/v1/sso/session      {@link SsoCardRequest}     → 200 {@link SsoSessionAnswer} (card + PIN, or tap)
 * POST /device/v1/sso/session/psc  {@link PscProofRequest}    → 200 {@link SsoSessionAnswer} (e-CPS through PSC)
 * POST /device/v1/sso/ticket       {@link SsoTicketRequest}   → 201 {@link SsoTicketAnswer}
 * POST /device/v1/sso/end          {@link EndRequest}         → 204
 * GET  /device/v1/sso/applications                            → 200 {@link SsoApplicationsAnswer} (the launchpad)
 * </pre>
 *
 * <p>Refusals are {@link SsoError}s, and the {@link AgentError} codes of a card proof the hub refuses
 * (nonce, signature, certificate).
 */
public final class SsoApi {
    /** Asks for a one-time nonce for the clinician's card to sign. */
    public static final DeviceRoute<NonceRequest, NonceAnswer> NONCE = DeviceRoute.post("/device/v1/sso/nonce",
            NonceRequest.class, NonceAnswer.class, 201, SsoError.SSO_REQUEST_INVALID);
    /** Presents the card's signature over the nonce; opens the SSO session of the kiosk session. */
    public static final DeviceRoute<SsoCardRequest, SsoSessionAnswer> CARD_SESSION = DeviceRoute.post(
            "/device/v1/sso/session", SsoCardRequest.class, SsoSessionAnswer.class, 200, SsoError.SSO_REQUEST_INVALID);
    /** Opens the SSO session from the kiosk session's Pro Santé Connect sign-in bound on the hub. */
    public static final DeviceRoute<PscProofRequest, SsoSessionAnswer> PSC_SESSION = DeviceRoute.post(
            "/device/v1/sso/session/psc", PscProofRequest.class, SsoSessionAnswer.class, 200,
            SsoError.SSO_REQUEST_INVALID);
    /** A one-time, short-lived ticket for the kiosk's browser to open an application with. */
    public static final DeviceRoute<SsoTicketRequest, SsoTicketAnswer> TICKET = DeviceRoute.post(
            "/device/v1/sso/ticket", SsoTicketRequest.class, SsoTicketAnswer.class, 201, SsoError.SSO_REQUEST_INVALID);
    /** The kiosk session locked or closed: the SSO session ends and its applications are logged out. */
    public static final DeviceRoute<EndRequest, Void> END = DeviceRoute.post("/device/v1/sso/end", EndRequest.class,
            Void.class, 204, SsoError.SSO_REQUEST_INVALID);

    /** The applications of the calling kiosk's group: what its launchpad lists (only its own group's). */
    public static final DeviceRoute<Void, SsoApplicationsAnswer> APPLICATIONS = DeviceRoute.get(
            "/device/v1/sso/applications", SsoApplicationsAnswer.class, SsoError.SSO_REQUEST_INVALID);

    private SsoApi() {
    }
}

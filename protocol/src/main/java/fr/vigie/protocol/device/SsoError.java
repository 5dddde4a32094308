package fr.vigie.protocol.device;

/** Codes of the single sign-on routes ({@link SsoApi}), beside the card-proof codes of {@link AgentError}. */
public enum SsoError implements DeviceError {
    /** The request is not the JSON the route takes. */
    SSO_REQUEST_INVALID(400),
    /** The kiosk session has no open SSO session on the hub (never opened, locked, closed, expired). */
    SSO_SESSION_UNKNOWN(403),
    /** A contactless tap outside the re-authentication window: the clinician must sign in with card and PIN. */
    SSO_TAP_REFUSED(403),
    /** The nonce was issued for another kiosk session than the one the kiosk names. */
    SSO_SESSION_MISMATCH(403),
    /** This hub's OpenID Provider is off ({@code hub.sso.port}). */
    SSO_UNAVAILABLE(503);

    private final int status;

    SsoError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

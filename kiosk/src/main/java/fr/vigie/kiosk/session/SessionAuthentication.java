package fr.vigie.kiosk.session;

/**
 * How the clinician of an open session last proved who they are at this kiosk: what a feature that needs a
 * given assurance (an admission desk, single sign-on to an application) reads from
 * {@link SessionView#authentication()}. Whether Pro Santé Connect also confirmed the clinician is a separate
 * question, answered by {@link SessionView#pscConnected()}: a card session is <em>card only</em> until PSC
 * binds tokens to it, and stays so when PSC fails, times out, or the clinician chose not to wait.
 */
public enum SessionAuthentication {
    /** Their contact CPS in the reader and its PIN, verified by the card, for this session. */
    CARD_PIN,
    /**
     * A contactless tap of their CPS, within their re-authentication window (they typed their card's PIN at
     * this kiosk less than {@code kiosk.session.reauth-window-seconds} ago); no PIN this time.
     */
    CONTACTLESS_TAP,
    /** e-CPS: approved on their phone, through Pro Santé Connect (no card). */
    ECPS
}

package fr.vigie.kiosk.session;

/**
 * Stable reason codes of session transitions, shared by the UI, the audit log and the tests. Codes
 * never change meaning once published.
 */
public enum SessionReason {
    /** A contact CPS was inserted and its holder read. */
    CARD_INSERTED,
    /** The kiosk asks for the PIN. */
    PIN_REQUESTED,
    /** A PIN was typed and handed to the card. */
    PIN_SUBMITTED,
    /** The card accepted the PIN and proved its key; the certificate passed the check. */
    PIN_OK,
    /** The card refused the PIN; tries remain. */
    PIN_WRONG,
    /** The PIN typed does not have the card's format (4 digits); nothing was sent, no try used. */
    PIN_FORMAT,
    /** The card's PIN is blocked. */
    PIN_BLOCKED,
    /** Nobody typed a PIN within the configured time. */
    PIN_ENTRY_TIMEOUT,
    /** The card could not be talked to, or its answer did not verify. */
    CARD_ERROR,
    /** The card's certificate was refused by the certificate check. */
    CERTIFICATE_REJECTED,
    /** The contact card left the reader. */
    CARD_REMOVED,
    /** The presence sensor saw nobody for the configured time. */
    WALKED_AWAY,
    /** No activity for the configured time. */
    IDLE_TIMEOUT,
    /** A contactless tap by the same clinician, within the re-authentication window. */
    REAUTH_SAME_CLINICIAN,
    /** Another clinician took over (tap within their window, or contact sign-in). */
    REAUTH_SWITCH,
    /** A tap came after the re-authentication window: card and PIN are needed. */
    REAUTH_WINDOW_EXPIRED,
    /** A locked session was not resumed within its grace period. */
    GRACE_EXPIRED,
    /** The clinician signed out. */
    LOGOUT,
    /** PSC tokens bound to the session on the hub: the session is connected to Pro Santé Connect. */
    PSC_CONNECTED,
    /** The hub or PSC could not be reached: the card session goes on without PSC. */
    PSC_OFFLINE,
    /** PSC did not connect the card session (refused or expired on the card app); it goes on without PSC. */
    PSC_NOT_CONNECTED,
    /**
     * PSC did not confirm the card session within the time the kiosk waits (the CIBA request's expiry): it goes
     * on with the card alone.
     */
    PSC_TIMED_OUT,
    /** The clinician chose to go on with the card alone rather than wait for PSC: PSC is no longer asked. */
    PSC_CARD_ONLY,
    /** PSC authenticated another professional than the one who opened the session: refused. */
    PSC_SUBJECT_MISMATCH,
    /** The clinician chose the exercice they work under. */
    EXERCICE_CHOSEN,
    /** An e-CPS sign-in was asked for an identifier. */
    ECPS_REQUESTED,
    /** The binding message is shown; waiting for the phone. */
    ECPS_BINDING,
    /** The clinician approved on their phone. */
    ECPS_APPROVED,
    /** The clinician refused on their phone. */
    ECPS_REFUSED,
    /** Nobody approved on the phone in time. */
    ECPS_EXPIRED,
    /** PSC does not know the identifier, or refused the request. */
    ECPS_UNKNOWN_ID,
    /** The e-CPS sign-in needs the hub, which cannot be reached now. */
    HUB_UNREACHABLE,
    /** The person at the kiosk dismissed the message or cancelled the sign-in. */
    DISMISSED
}

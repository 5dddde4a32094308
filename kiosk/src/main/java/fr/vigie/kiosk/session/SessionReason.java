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
    LOGOUT
}

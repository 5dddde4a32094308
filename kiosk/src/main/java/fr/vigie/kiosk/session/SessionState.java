package fr.vigie.kiosk.session;

/** The states of a clinician session on the kiosk; {@link #IDLE} means no session in front. */
public enum SessionState {
    /** Nobody signed in; waiting for a card. */
    IDLE,
    /** A contact CPS was inserted and its holder read. */
    CARD_DETECTED,
    /** Waiting for the PIN on the touchscreen. */
    PIN_ENTRY,
    /** The PIN is with the card; challenge-response and certificate check under way. */
    VERIFYING,
    /** e-CPS sign-in: the binding message is shown, waiting for the clinician to approve on their phone. */
    AWAITING_PHONE,
    /** Signed in: the clinician can work. */
    OPEN,
    /** Screen locked; a tap within the re-authentication window or the card and PIN unlock it. */
    LOCKED,
    /** Ended: logout, grace period expired, switched to another clinician, or a card removed. */
    CLOSED,
    /**
     * The sign-in was refused (PIN blocked, card error, certificate rejected, PSC tokens of another
     * professional, phone refusal); remove the card or dismiss the message.
     */
    REFUSED
}

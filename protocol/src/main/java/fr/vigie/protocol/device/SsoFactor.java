package fr.vigie.protocol.device;

/** How a clinician's card proved them at the kiosk for single sign-on. */
public enum SsoFactor {
    /** Contact reading, PIN verified by the card: two factors (possession and knowledge). */
    CARD_PIN,
    /** A contactless tap (no PIN), meant for re-authentication shortly after a card + PIN sign-in. */
    CONTACTLESS_TAP
}

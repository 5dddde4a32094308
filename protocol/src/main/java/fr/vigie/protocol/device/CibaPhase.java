package fr.vigie.protocol.device;

/** Where a kiosk's CIBA sign-in stands ({@link CibaStatusAnswer#status()}). */
public enum CibaPhase {
    /** Waiting for the professional's approval on the card app or the phone. */
    PENDING,
    /** Approved, and the tokens (which stay on the hub) are bound to the kiosk session. */
    BOUND,
    /** PSC or the binding guard said no: refused on the phone, expired, another professional's tokens… */
    REFUSED,
    /** The exchange with PSC could not happen. */
    FAILED
}

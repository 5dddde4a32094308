package fr.vigie.protocol.device;

/** Why a kiosk session's agent binding ends. */
public enum EndReason {
    /** The session locked (card removed, nobody in front, idle). */
    LOCKED,
    /** The session closed. */
    CLOSED
}

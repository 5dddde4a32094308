package fr.vigie.hub.psc.kiosk;

/** Stable codes of requests a kiosk made that the hub turns down, with their HTTP status. */
public enum KioskCibaError {
    /** The body is not the expected JSON, or a field is missing or malformed. */
    CIBA_REQUEST_INVALID(400),
    /** No such request for this kiosk (unknown, another kiosk's, or forgotten after it ended). */
    CIBA_REQUEST_UNKNOWN(404),
    /** The request is not bound (yet), so no exercice can be chosen. */
    CIBA_NOT_BOUND(409),
    /** The kiosk already has as many sign-ins awaiting approval as it may. */
    CIBA_TOO_MANY_REQUESTS(429),
    /** The hub has no PSC gateway configured. */
    CIBA_UNAVAILABLE(503);

    private final int status;

    KioskCibaError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}

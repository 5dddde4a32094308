package fr.vigie.hub.psc.kiosk;

/** A kiosk's request turned down with a stable {@link KioskCibaError}; the message names no token. */
public final class KioskCibaException extends Exception {
    private final KioskCibaError error;

    public KioskCibaException(KioskCibaError error, String message) {
        super(message);
        this.error = error;
    }

    public KioskCibaError error() {
        return error;
    }
}

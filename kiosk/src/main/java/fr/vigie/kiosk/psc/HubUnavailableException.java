package fr.vigie.kiosk.psc;

/** The hub, or PSC behind it, cannot be reached now: a contact sign-in goes on offline. */
public final class HubUnavailableException extends Exception {
    public HubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package fr.vigie.kiosk.psc;

/** The hub or PSC refused a request, with the hub's stable code (e.g. {@code PSC_REQUEST_REFUSED}). */
public final class PscRejectedException extends Exception {
    private final String code;

    public PscRejectedException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

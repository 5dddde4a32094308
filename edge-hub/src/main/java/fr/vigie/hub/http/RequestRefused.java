package fr.vigie.hub.http;

/**
 * A request refused before any route saw it, or by a route through the same channel: an HTTP status
 * and a stable code, answered as {@code {"error": code, "message": …}} by the handler
 * {@link RequestGate#install} registers. Immutable.
 */
public final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public RequestRefused(int status, String code, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

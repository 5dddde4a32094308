package fr.vigie.hub.web;

/**
 * A request parameter the API cannot use. Answered with 400 and
 * {@code {"error":"INVALID_PARAMETER","parameter":"…","message":"…"}}. Immutable.
 */
public final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    /** The stable error code of every bad parameter. */
    public static final String CODE = "INVALID_PARAMETER";

    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query parameter at fault. */
    public String parameter() {
        return parameter;
    }
}

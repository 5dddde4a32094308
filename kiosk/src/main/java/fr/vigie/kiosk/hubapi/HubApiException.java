package fr.vigie.kiosk.hubapi;

/**
 * A call to the hub's device API that did not succeed: the hub refused it (an HTTP status and the
 * hub's stable code, e.g. 403 {@code CERT_REVOKED}), or the hub could not be reached or answered
 * something unreadable (status 0, code {@link #UNREACHABLE} or {@link #MALFORMED_ANSWER}). Immutable.
 */
public final class HubApiException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The hub could not be reached (connection, TLS or timeout). */
    public static final String UNREACHABLE = "HUB_UNREACHABLE";
    /** The hub's answer is not the JSON expected. */
    public static final String MALFORMED_ANSWER = "HUB_ANSWER_MALFORMED";

    private final int status;
    private final String code;

    public HubApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** The stable code, from the hub's answer or {@link #UNREACHABLE} / {@link #MALFORMED_ANSWER}. */
    public String code() {
        return code;
    }

    /** Whether the hub answered and refused (as opposed to not being reached). */
    public boolean refused() {
        return status >= 400;
    }

    @Override
    public String toString() {
        return "HubApiException[" + (status == 0 ? "" : status + " ") + code + ": " + getMessage() + "]";
    }
}

package fr.vigie.hub.gam;

/**
 * A request about the GAM feed refused, with its HTTP status and stable code: {@value #NOT_FOUND} (404),
 * {@value #NOT_FAILED} (409), {@value #INVALID} (400).
 */
public final class GamRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    /** No message has this id. */
    public static final String NOT_FOUND = "GAM_MESSAGE_NOT_FOUND";
    /** Only a message the GAM refused is sent again. */
    public static final String NOT_FAILED = "GAM_MESSAGE_NOT_FAILED";
    /** A bad parameter. */
    public static final String INVALID = "INVALID_PARAMETER";

    private final int status;
    private final String code;

    public GamRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static GamRefusal notFound(long messageId) {
        return new GamRefusal(404, NOT_FOUND, "no message " + messageId + " in the GAM feed");
    }

    /** The HTTP status to answer. */
    public int status() {
        return status;
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}

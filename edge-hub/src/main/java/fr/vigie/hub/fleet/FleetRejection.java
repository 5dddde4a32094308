package fr.vigie.hub.fleet;

/**
 * A fleet request refused, with a stable code: invalid (400), unknown (404) or in conflict with the
 * fleet's state (409). Immutable.
 */
public final class FleetRejection extends Exception {
    private static final long serialVersionUID = 1L;

    /** How the HTTP API answers it. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;

    public FleetRejection(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code, e.g. {@code CONFIG_CONTENT_INVALID}, {@code DEVICE_NOT_FOUND}. */
    public String code() {
        return code;
    }
}

package fr.vigie.system.cli;

/**
 * Why an admin command did not do what was asked, with the exit status it ends with and the hub's
 * stable error code when the hub refused. Immutable.
 */
final class AdminFailure extends Exception {
    private static final long serialVersionUID = 1L;
    /** The hub refused the request (a 4xx answer other than 401): bad input, unknown thing, wrong role. */
    static final int REFUSED = 1;
    /** Bad usage of the command. */
    static final int USAGE = 2;
    /** The hub could not be reached, failed, or answered nonsense. */
    static final int UNREACHABLE = 3;
    /** No token, or a token the hub does not accept. */
    static final int NOT_SIGNED_IN = 4;

    private final int exitStatus;
    private final String code;

    AdminFailure(int exitStatus, String code, String message) {
        super(message);
        this.exitStatus = exitStatus;
        this.code = code;
    }

    static AdminFailure unreachable(String message) {
        return new AdminFailure(UNREACHABLE, "HUB_UNREACHABLE", message);
    }

    static AdminFailure usage(String message) {
        return new AdminFailure(USAGE, "USAGE", message);
    }

    int exitStatus() {
        return exitStatus;
    }

    String code() {
        return code;
    }
}

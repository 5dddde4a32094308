package fr.vigie.hub.staff;

/** Stable codes of staff sign-in and access refusals, shared by the REST API, the console and the tests. */
public enum StaffError {
    /** Wrong login or password (the answer never says which). */
    STAFF_SIGNIN_FAILED(401),
    /** Too many failed sign-ins for this login; retry after the delay given. */
    STAFF_SIGNIN_THROTTLED(429),
    /** No session cookie or bearer token, or an expired or revoked one. */
    STAFF_SIGNIN_REQUIRED(401),
    /** The role of the caller does not allow this request (a viewer may only read). */
    STAFF_ROLE_FORBIDDEN(403),
    /** A mutating browser request without the session's CSRF token in {@code X-CSRF-Token}. */
    CSRF_TOKEN_INVALID(403),
    /** A request whose {@code Origin} is not the hub's own. */
    ORIGIN_REFUSED(403),
    /** A login that is not 2–64 characters of {@code a-z 0-9 . _ -}. */
    STAFF_LOGIN_INVALID(400),
    /** A password shorter than {@link StaffAccounts#MIN_PASSWORD_LENGTH} characters. */
    STAFF_PASSWORD_TOO_SHORT(400),
    /** A role other than admin or viewer, or a token role above its owner's. */
    STAFF_ROLE_INVALID(400),
    /** The login is already taken. */
    STAFF_LOGIN_TAKEN(409),
    /** No such account or token. */
    STAFF_NOT_FOUND(404);

    private final int httpStatus;

    StaffError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the REST API answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}

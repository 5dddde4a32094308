package fr.vigie.hub.staff;

/**
 * The IT staff member behind a request: their login, the role the request runs with, and how they
 * proved it. Immutable.
 *
 * @param login the staff login, used as the actor of audit entries
 * @param role the role in force (for an API token, the token's role)
 * @param csrfToken the session's CSRF token for a browser session; {@code null} for a bearer token,
 *        which a browser never sends by itself
 */
public record StaffPrincipal(String login, StaffRole role, String csrfToken) {

    /** Whether the request came with a browser session cookie (and so needs the CSRF token to mutate). */
    public boolean viaSession() {
        return csrfToken != null;
    }
}

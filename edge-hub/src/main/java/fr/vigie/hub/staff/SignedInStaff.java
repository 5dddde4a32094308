package fr.vigie.hub.staff;

import io.javalin.http.Context;

/**
 * Who is behind a request to the console or the REST API, as the staff sign-in in front of them (the web package's
 * guard) recorded it on the request: the one place feature routes read it. Stateless.
 */
public final class SignedInStaff {
    /** Request attribute holding the caller's login (a String). */
    public static final String LOGIN = "vigie.staff";
    /** Request attribute holding the caller's {@link StaffPrincipal}. */
    public static final String PRINCIPAL = "vigie.staff.principal";

    private SignedInStaff() {
    }

    /** The caller's login, {@code unknown} when the request carries none. */
    public static String login(Context ctx) {
        Object login = ctx.attribute(LOGIN);
        return login instanceof String s ? s : "unknown";
    }

    /** Whether the caller signed in with the {@code admin} role. */
    public static boolean isAdmin(Context ctx) {
        Object p = ctx.attribute(PRINCIPAL);
        return p instanceof StaffPrincipal principal && principal.role() == StaffRole.ADMIN;
    }
}

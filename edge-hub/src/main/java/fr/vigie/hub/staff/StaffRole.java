package fr.vigie.hub.staff;

/**
 * What an IT staff member may do on the hub's console and REST API: a {@code VIEWER} may read
 * ({@code GET}), an {@code ADMIN} may also change things (enrol, configure, revoke, manage staff).
 */
public enum StaffRole {
    ADMIN,
    VIEWER;

    /** Whether this role may send requests that change state (anything but GET, HEAD, OPTIONS). */
    public boolean mayMutate() {
        return this == ADMIN;
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean covers(StaffRole other) {
        return this == ADMIN || other == VIEWER;
    }

    /**
     * Parses {@code admin} or {@code viewer} (any case).
     *
     * @throws StaffRejection {@code STAFF_ROLE_INVALID} for anything else
     */
    public static StaffRole parse(String text) throws StaffRejection {
        if (text != null) {
            for (StaffRole r : values()) {
                if (r.name().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw new StaffRejection(StaffError.STAFF_ROLE_INVALID, "role must be admin or viewer, got '" + text + "'");
    }
}

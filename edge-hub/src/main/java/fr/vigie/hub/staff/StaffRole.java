package fr.vigie.hub.staff;

/**
 * What an IT staff member may do on the hub's console and REST API: a {@code VIEWER} may read
 * ({@code GET}), an {@code ADMIN} may also change things (enrol, configure, revoke, manage staff). A
 * {@code FHIR_READER} is a site application (DPI, laboratory…): its API token reads patients from the FHIR API
 * ({@code /fhir}) and nothing else; an admin's token reads them too, a viewer's never (a viewer never sees a full
 * INS).
 */
public enum StaffRole {
    ADMIN,
    VIEWER,
    FHIR_READER;

    /** Whether this role may send requests that change state (anything but GET, HEAD, OPTIONS). */
    public boolean mayMutate() {
        return this == ADMIN;
    }

    /** Whether this role may use the console and the REST API under {@code /api} (an application's may not). */
    public boolean usesConsole() {
        return this != FHIR_READER;
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean covers(StaffRole other) {
        return this == ADMIN || this == other;
    }

    /**
     * Parses {@code admin}, {@code viewer} or {@code fhir_reader} (any case, {@code fhir-reader} too).
     *
     * @throws StaffRejection {@code STAFF_ROLE_INVALID} for anything else
     */
    public static StaffRole parse(String text) throws StaffRejection {
        if (text != null) {
            for (StaffRole r : values()) {
                if (r.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                    return r;
                }
            }
        }
        throw new StaffRejection(StaffError.STAFF_ROLE_INVALID, "role must be admin, viewer or fhir_reader, got '"
                + text + "'");
    }
}

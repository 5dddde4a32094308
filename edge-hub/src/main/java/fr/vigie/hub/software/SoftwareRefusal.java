package fr.vigie.hub.software;

/**
 * Why the hub refused a package or a software operation: a stable {@link #code()} for the API and the CLI,
 * and a sentence IT can act on.
 */
public final class SoftwareRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reasons, each with the HTTP status the API answers with. */
    public enum Code {
        /** The file is not a Debian binary package, or one of its parts cannot be read. */
        PACKAGE_MALFORMED(400),
        /** The package is a Debian package of another product than Vigie. */
        PACKAGE_NOT_VIGIE(400),
        /** The repository already holds this version or a newer one of the package. */
        PACKAGE_NOT_NEWER(409),
        /** The package is built for an architecture kiosks and hubs do not run. */
        PACKAGE_WRONG_ARCHITECTURE(400),
        /** The upload is larger than the hub takes ({@code SoftwareAdminRoutes#MAX_PACKAGE_BYTES}). */
        PACKAGE_TOO_LARGE(413),
        /** The repository has no such package version to roll out. */
        PACKAGE_NOT_FOUND(404),
        /** A rollout request whose group, stage size or version is not usable. */
        ROLLOUT_INVALID(400),
        /** The group has no kiosk: a software rollout would reach none. */
        GROUP_HAS_NO_KIOSK(409),
        /** No rollout has this id. */
        ROLLOUT_NOT_FOUND(404),
        /** The rollout is not in a state that allows this (e.g. resuming one that is done). */
        ROLLOUT_STATE_CONFLICT(409);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        /** The HTTP status the API answers this refusal with. */
        public int status() {
            return status;
        }
    }

    private final Code code;

    public SoftwareRefusal(Code code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable reason code. */
    public Code code() {
        return code;
    }
}

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
        PACKAGE_WRONG_ARCHITECTURE(400);

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

    SoftwareRefusal(Code code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable reason code. */
    public Code code() {
        return code;
    }
}

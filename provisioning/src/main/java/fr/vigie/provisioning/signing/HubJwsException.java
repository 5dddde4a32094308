package fr.vigie.provisioning.signing;

import java.util.Objects;

/**
 * A compact JWS was refused by {@link HubJwsVerifier}: nothing in it may be used. The
 * {@link #reason()} is stable; each caller turns it into its own code (e.g.
 * {@code CONFIG_SIGNATURE_INVALID}, {@code COMMAND_UNSIGNED}); the message says what was wrong.
 */
public final class HubJwsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a JWS was refused, in the order {@link HubJwsVerifier} checks. */
    public enum Reason {
        /** Not a compact JWS of three parts with a readable header. */
        MALFORMED,
        /** {@code alg: none} or an empty signature. */
        UNSIGNED,
        /** An algorithm other than ES256 (HS256, RS256, …), whatever the key. */
        ALG_NOT_ALLOWED,
        /** Signed, but its {@code typ} is not the kind of object expected. */
        WRONG_TYPE,
        /** The signature does not verify with the pinned key: tampered content or another key. */
        SIGNATURE_INVALID
    }

    private final Reason reason;

    public HubJwsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}

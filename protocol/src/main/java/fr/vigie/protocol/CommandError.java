package fr.vigie.protocol;

/**
 * Stable codes a kiosk replies with when it does not carry out a message of its command topic
 * ({@link Reply.Outcome#REJECTED} or {@link Reply.Outcome#FAILED}); {@code OK} when done. The codes
 * up to {@link #COMMAND_REPLAYED} mean the kiosk executed nothing because it could not trust the
 * message; the hub writes each of them to its audit log.
 */
public enum CommandError {
    /** Not a signed command at all (e.g. a bare {@code {"name":"reboot"}}), or signed with {@code alg: none}. */
    COMMAND_UNSIGNED,
    /** Signed, but not a readable JWS of a command, or its content breaks the contract. */
    COMMAND_MALFORMED,
    /** The signature does not verify with the hub key the kiosk pinned (another key, tampered content, another algorithm, no key pinned). */
    COMMAND_SIGNATURE_INVALID,
    /** The signed command names another kiosk than this one. */
    COMMAND_WRONG_KIOSK,
    /** Past its expiry, or issued in the future, by the kiosk's clock. */
    COMMAND_EXPIRED,
    /** This signed command (its nonce or request id) was already received. */
    COMMAND_REPLAYED,
    /** The command name is not one of {@link CommandName}. */
    COMMAND_UNKNOWN,
    /** The kiosk cannot do this here, e.g. rotate a certificate before it is enrolled. */
    COMMAND_NOT_SUPPORTED,
    /** The kiosk tried and failed; the message says why. */
    COMMAND_FAILED
}

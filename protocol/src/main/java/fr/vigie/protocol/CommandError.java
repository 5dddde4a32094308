package fr.vigie.protocol;

/**
 * Stable codes a kiosk replies with when it does not carry out a {@link Command}
 * ({@link Reply.Outcome#REJECTED} or {@link Reply.Outcome#FAILED}); {@code OK} when done.
 */
public enum CommandError {
    /** The command name is not one of {@link CommandName}. */
    COMMAND_UNKNOWN,
    /** The command names another kiosk than the one whose topic it came on. */
    COMMAND_WRONG_KIOSK,
    /** The command was issued too long ago (or too far in the future) to be carried out now. */
    COMMAND_EXPIRED,
    /** A command with this id was already carried out. */
    COMMAND_DUPLICATE,
    /** The kiosk cannot do this here, e.g. rotate a certificate before it is enrolled. */
    COMMAND_NOT_SUPPORTED,
    /** The kiosk tried and failed; the message says why. */
    COMMAND_FAILED
}

package fr.vigie.config;

import fr.vigie.protocol.Command;
import fr.vigie.protocol.CommandError;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of a kiosk's command topic that the kiosk will not carry out. The {@link #error() code}
 * is stable and goes back to the hub in the reply; the message says what was wrong. Nothing was
 * executed.
 */
public final class CommandRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final CommandError error;
    private final transient Command command;

    /**
     * @param command the command when its signature was verified (so its request id can be trusted), or null
     */
    public CommandRefusal(CommandError error, String reason, Command command) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
        this.command = command;
    }

    public CommandError error() {
        return error;
    }

    /** The refused command, when the hub's signature on it verified; empty for unsigned or forged messages. */
    public Optional<Command> verified() {
        return Optional.ofNullable(command);
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

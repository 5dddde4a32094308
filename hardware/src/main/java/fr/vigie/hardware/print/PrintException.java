package fr.vigie.hardware.print;

import java.util.Objects;

/**
 * A print did not go through. Carries a stable {@link PrintError} code and, in the message, what the
 * printer said (for IT); messages never contain what was printed.
 */
public final class PrintException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PrintError error;

    PrintException(PrintError error, String message) {
        this(error, message, null);
    }

    PrintException(PrintError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** @return the stable code of this error */
    public PrintError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

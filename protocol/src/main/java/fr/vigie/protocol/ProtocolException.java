package fr.vigie.protocol;

import java.util.Optional;

/**
 * A message was rejected because it breaks the kiosk-hub contract. The {@link #error() code} is
 * stable; the message says precisely what was wrong, in terms a person can act on; {@link #field()}
 * names the offending field when there is one. Immutable.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ProtocolError error;
    private final String field;

    public ProtocolException(ProtocolError error, String reason) {
        this(error, reason, null, null);
    }

    public ProtocolException(ProtocolError error, String reason, Throwable cause) {
        this(error, reason, cause, null);
    }

    private ProtocolException(ProtocolError error, String reason, Throwable cause, String field) {
        super(reason, cause);
        this.error = error;
        this.field = field;
    }

    /** A rejection of one field, named by its path in the message (e.g. {@code payload.nir}, {@code chain[1]}). */
    public static ProtocolException ofField(ProtocolError error, String field, String reason) {
        return new ProtocolException(error, reason, null, field);
    }

    /** The stable rejection code. */
    public ProtocolError error() {
        return error;
    }

    /** The path of the field rejected, when the rejection is about one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

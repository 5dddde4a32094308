package fr.vigie.hub.identity;

import java.util.Objects;

/**
 * A registry request was rejected: a verdict on the request, not a failure. {@link #code()} is a
 * {@link RegistryError} or {@link fr.vigie.protocol.identity.RnivError} name; {@link #kind()} tells a
 * caller such as the REST API how to answer. Messages hold no matricule nor trait values.
 */
public final class RegistryRejection extends Exception {
    private static final long serialVersionUID = 1L;

    /** What sort of rejection. */
    public enum Kind {
        /** The request is malformed or its values are invalid. */
        INVALID,
        /** The record does not exist. */
        NOT_FOUND,
        /** The request is valid but the record's RNIV state forbids it. */
        CONFLICT
    }

    private final String code;
    private final Kind kind;

    public RegistryRejection(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
    }

    static RegistryRejection invalid(RegistryError error, String message) {
        return new RegistryRejection(Kind.INVALID, error.name(), message);
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}

package fr.vigie.hub.admission;

import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;

/**
 * An admission step that gave no identity: a stable {@link #code()} ({@code INSI_NO_MATCH},
 * {@code INSI_SEVERAL_MATCHES}, {@code INSI_TRAITS_REJECTED}, {@code INSI_UNAVAILABLE}, an
 * {@link ApcvError}, an {@code RNIV_…} or registry code), a {@link Kind} telling the device API how to
 * answer, and, for refused traits, the rejection of every trait. Messages hold no matricule, no trait
 * value and no token.
 */
public final class AdmissionRejection extends Exception {
    private static final long serialVersionUID = 1L;

    /** How the step failed. */
    public enum Kind {
        /** The request or its values are invalid (HTTP 400). */
        INVALID,
        /** The record does not exist (404). */
        NOT_FOUND,
        /** The record's RNIV state forbids the step, or the token was already used (409). */
        CONFLICT,
        /** The service answered and found no single identity, or refused the request (422). */
        NOT_RESOLVED,
        /** A service Vigie depends on failed; trying later may help (503). */
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;
    private final transient List<TraitsVerdict.Rejection> traits;

    public AdmissionRejection(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    AdmissionRejection(Kind kind, String code, String message, List<TraitsVerdict.Rejection> traits) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.traits = List.copyOf(traits);
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@code INSI_TRAITS_REJECTED}: each trait refused and why; empty otherwise. */
    public List<TraitsVerdict.Rejection> traitRejections() {
        return traits;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}

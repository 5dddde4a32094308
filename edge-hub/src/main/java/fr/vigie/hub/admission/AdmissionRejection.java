package fr.vigie.hub.admission;

import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admission step that gave no identity: a stable {@link #code()} ({@code INSI_NO_MATCH},
 * {@code INSI_SEVERAL_MATCHES}, {@code INSI_TRAITS_REJECTED}, {@code INSI_UNAVAILABLE}, an
 * {@link ApcvError}, {@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}, an {@code RNIV_…} or
 * registry code), a {@link Kind} telling the device API how to answer, for refused traits the rejection
 * of every trait, and for an answer not applied the {@link #comparison()}. Messages hold no matricule,
 * no trait value and no token.
 */
public final class AdmissionRejection extends Exception {
    private static final long serialVersionUID = 1L;
    /** The answer is another person than the record's: nothing changed, the identity-vigilance cell was told. */
    public static final String IDENTITY_MISMATCH = "IDENTITY_MISMATCH";
    /** The answer would change a VALI or QUAL record: nothing changed, an admin decides on the request. */
    public static final String IDENTITY_CHANGE_REQUESTED = "IDENTITY_CHANGE_REQUESTED";

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
    private final transient IdentityComparison comparison;

    public AdmissionRejection(Kind kind, String code, String message) {
        this(kind, code, message, List.of(), null);
    }

    AdmissionRejection(Kind kind, String code, String message, List<TraitsVerdict.Rejection> traits) {
        this(kind, code, message, traits, null);
    }

    /** An answer not applied to a record ({@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}). */
    AdmissionRejection(String code, String message, IdentityComparison comparison) {
        this(Kind.CONFLICT, code, message, List.of(), Objects.requireNonNull(comparison, "comparison"));
    }

    private AdmissionRejection(Kind kind, String code, String message, List<TraitsVerdict.Rejection> traits,
            IdentityComparison comparison) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.traits = List.copyOf(traits);
        this.comparison = comparison;
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

    /**
     * For {@code IDENTITY_MISMATCH} and {@code IDENTITY_CHANGE_REQUESTED}: the record's identity and the one
     * returned, side by side; empty otherwise.
     */
    public Optional<IdentityComparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}

package fr.vigie.hub.admission;

import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admission step that gave no identity: a stable {@link AdmissionError} of the device API
 * ({@code INSI_NO_MATCH}, {@code INSI_SEVERAL_MATCHES}, {@code INSI_TRAITS_REJECTED}, {@code INSI_UNAVAILABLE},
 * an {@code APCV_…} code, {@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}, an {@code RNIV_…} or
 * registry code), whose status tells the device API how to answer; for refused traits the rejection of every
 * trait, and for an answer not applied the {@link #comparison()}. Messages hold no matricule, no trait value
 * and no token.
 */
public final class AdmissionRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final AdmissionError error;
    private final transient List<TraitsVerdict.Rejection> traits;
    private final transient IdentityComparison comparison;

    public AdmissionRejection(AdmissionError error, String message) {
        this(error, message, List.of(), null);
    }

    AdmissionRejection(AdmissionError error, String message, List<TraitsVerdict.Rejection> traits) {
        this(error, message, traits, null);
    }

    /** An answer not applied to a record ({@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}). */
    AdmissionRejection(AdmissionError error, String message, IdentityComparison comparison) {
        this(error, message, List.of(), Objects.requireNonNull(comparison, "comparison"));
    }

    private AdmissionRejection(AdmissionError error, String message, List<TraitsVerdict.Rejection> traits,
            IdentityComparison comparison) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.traits = List.copyOf(traits);
        this.comparison = comparison;
    }

    /** The stable code, with its HTTP status. */
    public AdmissionError error() {
        return error;
    }

    /** For {@code INSI_TRAITS_REJECTED} (and an ApCV token's invalid traits): each trait refused and why. */
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
        return error + ": " + getMessage();
    }
}

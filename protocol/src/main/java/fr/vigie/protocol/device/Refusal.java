package fr.vigie.protocol.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of every refusal of the device API: {@code {"error": CODE, "message": …}}, and for an
 * admission step the traits refused ({@code INSI_TRAITS_REJECTED}) or both identities compared
 * ({@code IDENTITY_MISMATCH}, {@code IDENTITY_CHANGE_REQUESTED}). The HTTP status is the code's
 * {@link DeviceError#status()}. Messages are for logs and IT, in English; the kiosk shows people words
 * of its own, keyed by the code. Immutable.
 *
 * @param error the stable code
 * @param message what was wrong, for a person who can act on it (never a secret, a token or a full NIR)
 * @param rejections for {@code INSI_TRAITS_REJECTED}: each trait refused and why
 * @param comparison for an answer not applied to a record: both identities side by side
 */
public record Refusal(DeviceError error, String message, Optional<List<TraitRejection>> rejections,
        Optional<ComparedIdentities> comparison) {

    public Refusal {
        Objects.requireNonNull(error, "error is required");
        if (!error.answeredByHub()) {
            throw new IllegalArgumentException("error " + error + " is the client's own, never the hub's answer");
        }
        Objects.requireNonNull(message, "message is required");
        rejections = Fields.optional(rejections).map(List::copyOf).filter(l -> !l.isEmpty());
        comparison = Fields.optional(comparison);
    }

    /** A refusal with a code and a message only. */
    public static Refusal of(DeviceError error, String message) {
        return new Refusal(error, message, Optional.empty(), Optional.empty());
    }

    /** The HTTP status it is answered with. */
    public int status() {
        return error.status();
    }
}

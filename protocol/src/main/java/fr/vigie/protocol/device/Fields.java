package fr.vigie.protocol.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Argument checks shared by the device API's records; each failure names the field. */
final class Fields {
    /** A kiosk session id: what the kiosk names its clinician sessions with. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Fields() {
    }

    static <T> T present(String field, T value) {
        return Objects.requireNonNull(value, field + " is required");
    }

    /** {@code value}, or empty when null (Jackson may hand an absent optional field as null). */
    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static <T> List<T> list(String field, List<T> value) {
        return List.copyOf(present(field, value));
    }

    /** Non-blank text of at most {@code maxLength} characters. */
    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static String kioskSessionId(String value) {
        if (value == null || !SESSION_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("kioskSessionId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static long positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
        return value;
    }
}

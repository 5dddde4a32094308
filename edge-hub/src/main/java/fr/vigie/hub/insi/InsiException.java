package fr.vigie.hub.insi;

import java.util.Objects;
import java.util.Optional;

/**
 * An INSi call that gave no usable answer, with a stable {@link InsiError} code. For SOAP faults,
 * the service's own subcode ({@code siram_NNN}) and detail code ({@code desir_NNN}, {@code insi_NNN})
 * are kept as they came, for support. Messages never contain a full matricule.
 */
public final class InsiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final InsiError error;
    private final String faultSubcode;
    private final String faultDetail;

    public InsiException(InsiError error, String message) {
        this(error, message, null, null, null);
    }

    public InsiException(InsiError error, String message, Throwable cause) {
        this(error, message, null, null, cause);
    }

    InsiException(InsiError error, String message, String faultSubcode, String faultDetail, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.faultSubcode = faultSubcode;
        this.faultDetail = faultDetail;
    }

    /** The stable code. */
    public InsiError error() {
        return error;
    }

    /** The SOAP fault subcode such as {@code siram_40}, for faults. */
    public Optional<String> faultSubcode() {
        return Optional.ofNullable(faultSubcode);
    }

    /** The fault detail code such as {@code insi_102}, for faults. */
    public Optional<String> faultDetail() {
        return Optional.ofNullable(faultDetail);
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}

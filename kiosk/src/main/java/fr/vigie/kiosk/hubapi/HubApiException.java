package fr.vigie.kiosk.hubapi;

import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.device.Refusal;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the hub's device API that did not succeed: the hub refused it (an HTTP status and the hub's
 * code, e.g. 403 {@code CERT_REVOKED}, with the whole {@link Refusal}), or the hub could not be reached,
 * answered something the contract does not describe, or the kiosk's own identity could not be used (status
 * 0 and a client-side {@link DeviceApiError}: {@code HUB_UNREACHABLE}, {@code HUB_ANSWER_MALFORMED},
 * {@code DEVICE_IDENTITY_UNUSABLE}). Immutable.
 */
public final class HubApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient DeviceError error;
    private final transient Refusal refusal;

    /** No usable answer, or an answer that is not the contract's, with the kiosk's own code. */
    public HubApiException(int status, DeviceError error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
        this.refusal = null;
    }

    /** The hub answered {@code refusal} with {@code status}. */
    public HubApiException(int status, Refusal refusal) {
        super(refusal.message());
        this.status = status;
        this.error = refusal.error();
        this.refusal = refusal;
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** The code: the hub's, or the client's own when the hub gave no usable answer. */
    public DeviceError error() {
        return error;
    }

    /** The hub's whole refusal, when it answered one (an admission step's traits or comparison). */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether the hub answered and refused (as opposed to not being reached). */
    public boolean refused() {
        return status >= 400;
    }

    @Override
    public String toString() {
        return "HubApiException[" + (status == 0 ? "" : status + " ") + error + ": " + getMessage() + "]";
    }
}

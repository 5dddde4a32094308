package fr.vigie.kiosk.psc;

import fr.vigie.protocol.device.DeviceError;
import java.util.Objects;

/**
 * The hub or PSC refused a request, with the device API's code (a {@link fr.vigie.protocol.device.CibaError}
 * such as {@code PSC_REQUEST_REFUSED}, or the client's {@code HUB_ANSWER_MALFORMED}).
 */
public final class PscRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient DeviceError error;

    public PscRejectedException(DeviceError error, String message) {
        super(error + ": " + message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DeviceError error() {
        return error;
    }

    /** The code's name, as the session and its screens key their words. */
    public String code() {
        return error.name();
    }
}

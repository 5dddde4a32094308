package fr.vigie.hub.http;

import fr.vigie.protocol.device.DeviceApiError;
import java.util.Objects;

/**
 * A request refused before any route saw it: a {@link DeviceApiError} of the listener (its status is the
 * code's), answered as a {@link fr.vigie.protocol.device.Refusal} by the handler {@link RequestGate#install}
 * registers. Immutable.
 */
public final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final DeviceApiError error;

    public RequestRefused(DeviceApiError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        if (!error.answeredByHub()) {
            throw new IllegalArgumentException(error + " is a client-side code");
        }
    }

    public DeviceApiError error() {
        return error;
    }
}

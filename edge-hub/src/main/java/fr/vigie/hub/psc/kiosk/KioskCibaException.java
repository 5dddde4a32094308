package fr.vigie.hub.psc.kiosk;

import fr.vigie.protocol.device.CibaError;
import java.util.Objects;

/** A kiosk's request turned down with a stable {@link CibaError} of the device API; the message names no token. */
public final class KioskCibaException extends Exception {
    private static final long serialVersionUID = 1L;
    private final CibaError error;

    public KioskCibaException(CibaError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public CibaError error() {
        return error;
    }
}

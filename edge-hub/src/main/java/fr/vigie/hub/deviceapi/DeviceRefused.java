package fr.vigie.hub.deviceapi;

/**
 * A device API request refused with a status and a stable code, answered as
 * {@code {"error": code, "message": reason}}. Device routes may throw it too, e.g.
 * {@code throw new DeviceRefused(409, "ENROLMENT_PENDING", "…")}. Immutable.
 */
public final class DeviceRefused extends Exception {
    private static final long serialVersionUID = 1L;
    /** No client certificate on a {@code /device/v1/} route (401). */
    public static final String CERTIFICATE_REQUIRED = "DEVICE_CERTIFICATE_REQUIRED";

    private final int status;
    private final String code;

    public DeviceRefused(int status, String code, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

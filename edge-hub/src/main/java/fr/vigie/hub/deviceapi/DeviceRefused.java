package fr.vigie.hub.deviceapi;

import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.device.Refusal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A device API request refused with a contract code ({@link DeviceError}, whose status is answered),
 * answered as a {@link Refusal} by the device API, with {@code Retry-After} when {@link #retryAfter()}
 * says how long to wait. Device routes throw it, e.g.
 * {@code throw new DeviceRefused(AgentError.AGENT_NOT_PROVEN, "…")}. Immutable.
 */
public final class DeviceRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Refusal refusal;
    private final transient Duration retryAfter;

    public DeviceRefused(DeviceError error, String message) {
        this(Refusal.of(error, message), null);
    }

    public DeviceRefused(DeviceError error, String message, Duration retryAfter) {
        this(Refusal.of(error, message), retryAfter);
    }

    /** A refusal with more than a code and a message (an admission step's traits or comparison). */
    public DeviceRefused(Refusal refusal) {
        this(refusal, null);
    }

    private DeviceRefused(Refusal refusal, Duration retryAfter) {
        super(Objects.requireNonNull(refusal, "refusal").message());
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    public DeviceError error() {
        return refusal.error();
    }

    public int status() {
        return refusal.status();
    }

    /** The body answered. */
    public Refusal refusal() {
        return refusal;
    }

    /** How long the kiosk should wait before asking again, when the hub says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return refusal.error() + ": " + getMessage();
    }
}

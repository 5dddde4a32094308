package fr.vigie.protocol.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A stable code of the device API: what the hub answers in a {@link Refusal}, with the HTTP status that
 * goes with it, and what the kiosk's client reports when there was no usable answer (status 0). One
 * enum per area; names are unique across them, so that a code read from the wire names exactly one
 * constant ({@link #of}). The kiosk's message bundles are keyed by these names. Implementations are enums.
 */
public sealed interface DeviceError permits DeviceApiError, EnrolmentError, AgentError, AdmissionError, CibaError,
        SsoError {

    /** The code as it travels, e.g. {@code AGENT_NOT_PROVEN}. */
    String name();

    /** The HTTP status the hub answers with it; 0 for a code the kiosk's client sets itself. */
    int status();

    /** Whether the hub answers it (as opposed to the client reporting it when the hub gave no usable answer). */
    default boolean answeredByHub() {
        return status() != 0;
    }

    /** The code named {@code name}, in whichever area it is. */
    static Optional<DeviceError> of(String name) {
        for (DeviceError e : all()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Every code of the device API, area by area. */
    static List<DeviceError> all() {
        List<DeviceError> all = new ArrayList<>();
        Collections.addAll(all, DeviceApiError.values());
        Collections.addAll(all, EnrolmentError.values());
        Collections.addAll(all, AgentError.values());
        Collections.addAll(all, AdmissionError.values());
        Collections.addAll(all, CibaError.values());
        Collections.addAll(all, SsoError.values());
        return List.copyOf(all);
    }
}

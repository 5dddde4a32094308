package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A freshly issued bootstrap token, the only moment its secret value exists outside the kiosk:
 * IT hands {@link #value()} to the kiosk (image, USB key, QR), the hub keeps only its hash.
 * {@link #toString()} never shows the value. Immutable.
 *
 * @param id public identifier, used to find the token and in the audit log
 * @param kiosk the only kiosk that may use it
 * @param value the secret to present, {@code <id>.<secret>}
 * @param expiresAt when it stops being accepted
 */
public record BootstrapToken(String id, KioskAddress kiosk, String value, Instant expiresAt) {

    public BootstrapToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "BootstrapToken[" + id + " for " + kiosk + ", expires " + expiresAt + "]";
    }
}

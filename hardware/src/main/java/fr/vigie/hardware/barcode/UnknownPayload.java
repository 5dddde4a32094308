package fr.vigie.hardware.barcode;

import java.util.Objects;

/**
 * A code whose content Vigie does not recognise: no INS DataMatrix, 2D-Doc or ApCV header, and not
 * an e-prescription number under the configured rule. Not an error: the person scanned something
 * else. Immutable; {@link #toString()} shows the reason, not the content.
 *
 * @param code the code as scanned
 * @param reason why it was not recognised, for the screen
 */
public record UnknownPayload(ScannedCode code, String reason) implements ScannedPayload {

    public UnknownPayload {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String kind() {
        return "unknown";
    }

    @Override
    public String toString() {
        return "UnknownPayload[" + reason + "]";
    }
}

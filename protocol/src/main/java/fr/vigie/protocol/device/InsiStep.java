package fr.vigie.protocol.device;

import java.util.Objects;

/**
 * One INSi call the hub made for an admission step. Immutable.
 *
 * @param sent which query
 * @param codeCr what INSi answered: {@code 00} one identity, {@code 01} none, {@code 02} several
 */
public record InsiStep(InsiQuery sent, String codeCr) {
    public InsiStep {
        Objects.requireNonNull(sent, "sent is required");
        Fields.text("codeCr", codeCr, 8);
    }
}

package fr.vigie.protocol;

import java.time.Instant;

/**
 * A kiosk's answer to a {@link Command}, or its verdict on a {@link ConfigBundle}. Immutable.
 *
 * @param commandId the command answered (for a configuration: {@code config-<version>})
 * @param site site of the kiosk
 * @param kioskId the kiosk answering
 * @param outcome what happened
 * @param code stable reason code, e.g. {@code CONFIG_SIGNATURE_INVALID}; {@code OK} when done
 * @param message a sentence for people
 * @param repliedAt when the kiosk answered
 * @param schema contract schema version
 */
public record Reply(String commandId, String site, String kioskId, Outcome outcome, String code,
        String message, Instant repliedAt, int schema) {

    /** Result of a command. */
    public enum Outcome { DONE, REJECTED, FAILED }

    public Reply {
        Checks.text("commandId", commandId, 64);
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.present("outcome", outcome);
        Checks.text("code", code, 64);
        Checks.present("message", message);
        Checks.present("repliedAt", repliedAt);
    }
}

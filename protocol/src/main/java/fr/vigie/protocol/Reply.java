package fr.vigie.protocol;

import java.time.Instant;
import java.util.Map;

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
 * @param details facts for the hub, e.g. the diagnostics bundle; at most 64 entries, never secrets
 *     (a reply without it, from an older kiosk, is read with none)
 * @param schema contract schema version
 */
public record Reply(String commandId, String site, String kioskId, Outcome outcome, String code,
        String message, Instant repliedAt, Map<String, String> details, int schema) {

    /** Most entries in {@link #details()}. */
    public static final int MAX_DETAILS = 64;

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
        details = Map.copyOf(Checks.present("details", details));
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("details has " + details.size() + " entries, at most " + MAX_DETAILS);
        }
    }

    /** A reply without details. */
    public Reply(String commandId, String site, String kioskId, Outcome outcome, String code, String message,
            Instant repliedAt, int schema) {
        this(commandId, site, kioskId, outcome, code, message, repliedAt, Map.of(), schema);
    }
}

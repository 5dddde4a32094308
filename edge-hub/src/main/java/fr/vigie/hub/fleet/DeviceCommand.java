package fr.vigie.hub.fleet;

import java.time.Instant;
import java.util.Map;

/**
 * A remote command and what the kiosk answered, as the REST API shows it. Immutable.
 *
 * @param requestId the command id, echoed in the kiosk's reply
 * @param site target site
 * @param kioskId target kiosk
 * @param name the command ({@code reload-config}, {@code rotate-cert}, {@code diagnostics}, {@code reboot})
 * @param args its arguments
 * @param actor who sent it
 * @param issuedAt when
 * @param state {@code SENT} (waiting for the reply), {@code UNSENT}, {@code DONE}, {@code REJECTED} or {@code FAILED}
 * @param code the kiosk's reason code, or null before its reply
 * @param message the kiosk's sentence, or null
 * @param details the kiosk's facts (e.g. the diagnostics bundle), empty before its reply
 * @param repliedAt when the kiosk replied, or null
 */
public record DeviceCommand(String requestId, String site, String kioskId, String name, Map<String, String> args,
        String actor, Instant issuedAt, String state, String code, String message, Map<String, String> details,
        Instant repliedAt) {
}

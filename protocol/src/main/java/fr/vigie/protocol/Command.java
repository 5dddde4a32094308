package fr.vigie.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command from the hub to one kiosk, answered by a {@link Reply} with the same {@link #commandId()}.
 * This is the content the hub signs; it travels only inside a {@link SignedCommand}, and a kiosk acts
 * on it only once the signature verifies with the hub key it pinned at enrolment. Everything the
 * kiosk checks is in here: the target kiosk, what to do, until when, and a nonce it remembers so
 * that the same signed message is never carried out twice. Immutable.
 *
 * @param commandId request id chosen by the hub, echoed in the reply
 * @param site target site
 * @param kioskId target kiosk
 * @param name what to do, one of {@link CommandName}'s wire names (an unknown name is refused by the kiosk)
 * @param args string arguments, possibly empty
 * @param issuedAt when the hub signed it
 * @param expiresAt after this instant the kiosk refuses it; at most {@link #MAX_LIFETIME} after {@code issuedAt}
 * @param nonce random, unique per command (16 to 64 characters of {@code A-Z a-z 0-9 - _})
 * @param schema contract schema version
 */
public record Command(String commandId, String site, String kioskId, String name, Map<String, String> args,
        Instant issuedAt, Instant expiresAt, String nonce, int schema) {

    /** The longest a command may stay valid: a command delivered later than that is refused. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public Command {
        Checks.text("commandId", commandId, 64);
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.text("name", name, 64);
        args = Map.copyOf(Checks.present("args", args));
        Checks.present("issuedAt", issuedAt);
        Checks.present("expiresAt", expiresAt);
        if (!expiresAt.isAfter(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " must be after issuedAt " + issuedAt
                    + " and at most " + MAX_LIFETIME.toMinutes() + " minutes later");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("nonce must be 16 to 64 characters of A-Z, a-z, 0-9, '-' and '_'");
        }
    }

    /** The kiosk this command is for. */
    public KioskAddress kiosk() {
        return KioskAddress.of(site, kioskId);
    }
}

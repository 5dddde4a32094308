package fr.vigie.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * A command from the hub to one kiosk, answered by a {@link Reply} with the same {@link #commandId()}.
 * Immutable.
 *
 * @param commandId unique id chosen by the hub, echoed in the reply
 * @param site target site
 * @param kioskId target kiosk
 * @param name what to do, e.g. {@code reload-config}, {@code diagnose}, {@code reboot}
 * @param issuedAt when the hub issued it
 * @param args string arguments, possibly empty
 * @param schema contract schema version
 */
public record Command(String commandId, String site, String kioskId, String name, Instant issuedAt,
        Map<String, String> args, int schema) {

    public Command {
        Checks.text("commandId", commandId, 64);
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.text("name", name, 64);
        Checks.present("issuedAt", issuedAt);
        args = Map.copyOf(Checks.present("args", args));
    }
}

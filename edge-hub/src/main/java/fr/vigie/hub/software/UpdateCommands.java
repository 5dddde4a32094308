package fr.vigie.hub.software;

import fr.vigie.protocol.KioskAddress;
import java.util.Map;

/**
 * How a software rollout reaches a kiosk: a signed fleet command ({@code update-software}, see
 * {@link fr.vigie.protocol.CommandName#UPDATE_SOFTWARE}); in production the fleet's commands, which sign it for
 * that kiosk only, with an expiry and a nonce, record it and audit it.
 */
@FunctionalInterface
public interface UpdateCommands {
    /**
     * Sends {@code update-software} with {@code args} to {@code kiosk}.
     *
     * @return the command's request id
     * @throws Exception when it cannot be recorded or sent (the target stays waiting and is retried)
     */
    String send(KioskAddress kiosk, Map<String, String> args, String actor) throws Exception;
}

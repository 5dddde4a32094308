package fr.vigie.kiosk.fleet;

import java.util.Map;

/**
 * What the kiosk does with the hub's signed {@code update-software} command (see
 * {@link fr.vigie.protocol.CommandName#UPDATE_SOFTWARE}): it takes the request and carries it out later (window,
 * clinician sessions, mirror, root unit), reporting its steps through the outbox.
 */
@FunctionalInterface
public interface SoftwareUpdates {
    /**
     * Takes an update request.
     *
     * @param args the command's arguments: {@code package}, {@code version}, {@code rolloutId}, {@code allowDowngrade}
     * @return a sentence for the command's reply
     * @throws IllegalArgumentException when the arguments are not a usable request (the reply is a refusal)
     */
    String accept(Map<String, String> args);
}

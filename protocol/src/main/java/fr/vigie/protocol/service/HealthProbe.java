package fr.vigie.protocol.service;

import java.util.Optional;

/**
 * Whether an application works right now, as its service watchdog asks it: empty when it is healthy,
 * otherwise the reason it is not, in words a site's IT can act on (shown by {@code systemctl status}). Called
 * from the watchdog's thread; it must answer quickly and never throw.
 */
@FunctionalInterface
public interface HealthProbe {
    /** The reason the application is not healthy, or empty when it is. */
    Optional<String> problem();
}

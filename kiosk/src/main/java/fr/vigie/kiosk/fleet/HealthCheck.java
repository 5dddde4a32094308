package fr.vigie.kiosk.fleet;

import fr.vigie.config.KioskSettings;
import java.util.Optional;

/**
 * Run right after a new configuration is put in force: empty when the kiosk works with it, otherwise
 * the reason it does not, and the configuration is rolled back. On a Raspberry Pi it would also check
 * that the touch UI answers and the readers are present; the built-in check is {@link #componentsAccept}.
 */
@FunctionalInterface
public interface HealthCheck {
    /** The reason the kiosk is not healthy under {@code settings}, or empty when it is. */
    Optional<String> check(KioskSettings settings);

    /** Healthy when every component took the new settings (the agent reports their failures itself). */
    static HealthCheck componentsAccept() {
        return settings -> Optional.empty();
    }
}

package fr.vigie.config;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A configuration bundle whose signature, target kiosk and content have been checked by a
 * {@link ConfigVerifier}, with its settings parsed. Only a verifier creates one. Immutable.
 *
 * @param kiosk the kiosk it is for
 * @param version its version
 * @param issuedAt when the hub signed it
 * @param settings the validated settings
 * @param bundle the bundle as received, to store and to forward
 */
public record VerifiedConfig(KioskAddress kiosk, long version, Instant issuedAt, KioskSettings settings,
        ConfigBundle bundle) {

    public VerifiedConfig {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(bundle, "bundle");
    }
}

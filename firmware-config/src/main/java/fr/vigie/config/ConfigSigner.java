package fr.vigie.config;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.signing.HubJwsSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Hub side: signs kiosk configurations as compact JWS (ES256, EC P-256 key, through the hub's one
 * signing path {@link HubJwsSigner}) and wraps them in the protocol's {@link ConfigBundle}. The
 * signed payload carries the site, kiosk, version, issue time and settings; the header carries
 * {@code typ: vigie-config+jws} and the key id. The hub keeps the key; choosing versions that only go
 * up is the caller's job (the rollout keeps the last one per kiosk). Thread-safe.
 *
 * <pre>{@code
 * ConfigSigner signer = new ConfigSigner(new HubJwsSigner(hubKey, "config-2025"), clock);
 * ConfigBundle bundle = signer.sign(kiosk, lastVersion + 1, settings);
 * }</pre>
 */
public final class ConfigSigner {
    private final HubJwsSigner signer;
    private final Clock clock;

    public ConfigSigner(HubJwsSigner signer, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs {@code settings} as version {@code version} (positive) for {@code kiosk}. */
    public ConfigBundle sign(KioskAddress kiosk, long version, KioskSettings settings) {
        if (version <= 0) {
            throw new IllegalArgumentException("version '" + version + "' must be positive");
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String jws = signer.sign(BundlePayload.TYPE, BundlePayload.write(kiosk, version, issuedAt, settings));
        return new ConfigBundle(kiosk.site(), kiosk.kioskId(), version, issuedAt, jws, ProtocolCodec.SCHEMA_VERSION);
    }
}

package fr.vigie.config;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.signing.HubJwsException;
import fr.vigie.provisioning.signing.HubJwsVerifier;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * Kiosk side: decides whether a configuration bundle may be applied. In this order, each refusal
 * with its {@link ConfigError}: a compact JWS with a readable header ({@code CONFIG_MALFORMED}); a
 * signature at all ({@code CONFIG_UNSIGNED}); the algorithm ES256 and nothing else, whatever the
 * header says ({@code CONFIG_ALG_NOT_ALLOWED}); the {@code typ} of a Vigie configuration
 * ({@code CONFIG_MALFORMED}); a signature that verifies with the hub's pinned public key
 * ({@code CONFIG_SIGNATURE_INVALID}) — these first checks are the hub's one verifying path,
 * {@link HubJwsVerifier}; an envelope that agrees with the signed payload
 * ({@code CONFIG_ENVELOPE_MISMATCH}); this kiosk as the target ({@code CONFIG_WRONG_KIOSK}); a
 * version above every version seen ({@code CONFIG_VERSION_NOT_NEWER}); valid settings
 * ({@code CONFIG_CONTENT_INVALID}). Thread-safe.
 *
 * <pre>{@code
 * ConfigVerifier verifier = new ConfigVerifier(hubKey, self);
 * VerifiedConfig v = verifier.verify(bundle, store.highestVersionSeen());
 * }</pre>
 */
public final class ConfigVerifier {
    private final HubJwsVerifier verifier;
    private final KioskAddress self;

    /**
     * @param hubKey the hub's configuration key, pinned at enrolment
     * @param self this kiosk
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public ConfigVerifier(ECPublicKey hubKey, KioskAddress self) {
        this.verifier = new HubJwsVerifier(hubKey);
        this.self = Objects.requireNonNull(self, "self");
    }

    /**
     * Verifies a received bundle.
     *
     * @param highestVersionSeen the highest version this kiosk has applied or tried; the bundle must be above it
     * @throws ConfigException with the reason the bundle is refused
     */
    public VerifiedConfig verify(ConfigBundle bundle, long highestVersionSeen) throws ConfigException {
        VerifiedConfig v = verifyStored(bundle);
        if (v.version() <= highestVersionSeen) {
            throw new ConfigException(ConfigError.CONFIG_VERSION_NOT_NEWER, "version " + v.version()
                    + " is not newer than version " + highestVersionSeen + " already applied or tried");
        }
        return v;
    }

    /**
     * Verifies a bundle without the version rule, e.g. the one already applied, read back from disk
     * on start.
     *
     * @throws ConfigException with the reason the bundle is refused
     */
    public VerifiedConfig verifyStored(ConfigBundle bundle) throws ConfigException {
        String payload;
        try {
            payload = verifier.verify(bundle.jws(), BundlePayload.TYPE);
        } catch (HubJwsException e) {
            throw new ConfigException(switch (e.reason()) {
                case MALFORMED, WRONG_TYPE -> ConfigError.CONFIG_MALFORMED;
                case UNSIGNED -> ConfigError.CONFIG_UNSIGNED;
                case ALG_NOT_ALLOWED -> ConfigError.CONFIG_ALG_NOT_ALLOWED;
                case SIGNATURE_INVALID -> ConfigError.CONFIG_SIGNATURE_INVALID;
            }, "configuration jws refused: " + e.getMessage());
        }
        BundlePayload p = BundlePayload.read(payload);
        if (!p.kiosk().equals(KioskAddress.of(bundle.site(), bundle.kioskId())) || p.version() != bundle.version()
                || !p.issuedAt().equals(bundle.issuedAt())) {
            throw new ConfigException(ConfigError.CONFIG_ENVELOPE_MISMATCH, "envelope says " + bundle.site() + "/"
                    + bundle.kioskId() + " version " + bundle.version() + " issued " + bundle.issuedAt()
                    + " but the signed content says " + p.kiosk() + " version " + p.version() + " issued " + p.issuedAt());
        }
        if (!p.kiosk().equals(self)) {
            throw new ConfigException(ConfigError.CONFIG_WRONG_KIOSK,
                    "configuration is for kiosk " + p.kiosk() + ", this is kiosk " + self);
        }
        // signed by the hub: a bundle signed before the settings reference (former names) still reads
        KioskSettings settings = SettingsJson.read(p.settings(), true);
        return new VerifiedConfig(p.kiosk(), p.version(), p.issuedAt(), settings, bundle);
    }
}

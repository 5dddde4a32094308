package fr.vigie.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Hub side: signs kiosk configurations as compact JWS (ES256, EC P-256 key) and wraps them in the
 * protocol's {@link ConfigBundle}. The signed payload carries the site, kiosk, version, issue time
 * and settings; the header carries {@code typ: vigie-config+jws} and the key id. The hub keeps the
 * key; choosing versions that only go up is the caller's job (the rollout keeps the last one per
 * kiosk). Thread-safe.
 *
 * <pre>{@code
 * ConfigSigner signer = new ConfigSigner(hubConfigKey, "config-2025", clock);
 * ConfigBundle bundle = signer.sign(kiosk, lastVersion + 1, settings);
 * }</pre>
 */
public final class ConfigSigner {
    private final ECDSASigner signer;
    private final String keyId;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public ConfigSigner(ECPrivateKey key, String keyId, Clock clock) {
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the configuration signing key must be EC P-256", e);
        }
        if (!signer.supportedJWSAlgorithms().contains(JWSAlgorithm.ES256)) {
            throw new IllegalArgumentException("the configuration signing key must be EC P-256 (ES256)");
        }
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs {@code settings} as version {@code version} (positive) for {@code kiosk}. */
    public ConfigBundle sign(KioskAddress kiosk, long version, KioskSettings settings) {
        if (version <= 0) {
            throw new IllegalArgumentException("version '" + version + "' must be positive");
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(BundlePayload.TYPE))
                .keyID(keyId).build();
        JWSObject jws = new JWSObject(header, new Payload(BundlePayload.write(kiosk, version, issuedAt, settings)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a configuration with ES256", e);
        }
        return new ConfigBundle(kiosk.site(), kiosk.kioskId(), version, issuedAt, jws.serialize(),
                ProtocolCodec.SCHEMA_VERSION);
    }
}

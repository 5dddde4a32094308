package fr.vigie.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * Kiosk side: decides whether a configuration bundle may be applied. In this order, each refusal
 * with its {@link ConfigError}: a compact JWS with a readable header ({@code CONFIG_MALFORMED}); a
 * signature at all ({@code CONFIG_UNSIGNED}); the algorithm ES256 and nothing else, whatever the
 * header says ({@code CONFIG_ALG_NOT_ALLOWED}); the {@code typ} of a Vigie configuration
 * ({@code CONFIG_MALFORMED}); a signature that verifies with the hub's pinned public key
 * ({@code CONFIG_SIGNATURE_INVALID}); an envelope that agrees with the signed payload
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
    private final ECDSAVerifier verifier;
    private final KioskAddress self;

    /**
     * @param hubKey the hub's configuration key, pinned at enrolment
     * @param self this kiosk
     * @throws IllegalArgumentException when the key is not an EC P-256 key
     */
    public ConfigVerifier(ECPublicKey hubKey, KioskAddress self) {
        try {
            this.verifier = new ECDSAVerifier(hubKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the hub configuration key must be EC P-256", e);
        }
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
        String[] parts = bundle.jws().split("\\.", -1);
        if (parts.length != 3) {
            throw new ConfigException(ConfigError.CONFIG_MALFORMED, "jws must be a compact JWS of three parts, got "
                    + parts.length);
        }
        String alg = algorithm(parts[0]);
        if ("none".equalsIgnoreCase(alg) || parts[2].isEmpty()) {
            throw new ConfigException(ConfigError.CONFIG_UNSIGNED, "configuration is not signed (alg '" + alg + "')");
        }
        if (!"ES256".equals(alg)) {
            throw new ConfigException(ConfigError.CONFIG_ALG_NOT_ALLOWED, "algorithm '" + alg + "' is not allowed, only ES256");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(bundle.jws());
        } catch (ParseException e) {
            throw new ConfigException(ConfigError.CONFIG_MALFORMED, "jws is not readable: " + e.getMessage(), e);
        }
        if (jws.getHeader().getType() == null || !BundlePayload.TYPE.equals(jws.getHeader().getType().getType())) {
            throw new ConfigException(ConfigError.CONFIG_MALFORMED, "jws typ '" + jws.getHeader().getType()
                    + "' is not '" + BundlePayload.TYPE + "'");
        }
        boolean valid;
        try {
            valid = jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new ConfigException(ConfigError.CONFIG_SIGNATURE_INVALID,
                    "signature does not verify with the hub's configuration key");
        }
        BundlePayload p = BundlePayload.read(jws.getPayload().toString());
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
        KioskSettings settings = SettingsJson.read(p.settings());
        return new VerifiedConfig(p.kiosk(), p.version(), p.issuedAt(), settings, bundle);
    }

    private static String algorithm(String encodedHeader) throws ConfigException {
        try {
            JsonNode header = SettingsJson.MAPPER.readTree(
                    new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8));
            JsonNode alg = header == null ? null : header.get("alg");
            if (alg == null || !alg.isTextual()) {
                throw new ConfigException(ConfigError.CONFIG_MALFORMED, "jws header has no 'alg'");
            }
            return alg.textValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(ConfigError.CONFIG_MALFORMED, "jws header is not base64url JSON", e);
        }
    }
}

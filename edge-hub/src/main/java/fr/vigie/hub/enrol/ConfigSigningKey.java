package fr.vigie.hub.enrol;

import fr.vigie.config.ConfigSigner;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SigningKeyStore;
import fr.vigie.provisioning.SiteCaSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The hub's key for signing kiosk configurations (ES256), kept by {@link SigningKeyStore} in
 * {@code <data>/config-signing.p12} under the site CA's passphrase. Kiosks fetch its public key over
 * the mutually authenticated device API ({@code /device/v1/config/signing-key}) right after
 * enrolment and pin it. Immutable.
 *
 * <pre>{@code
 * ConfigBundle first = configKey.signer(clock).sign(kiosk, 1, KioskSettings.defaults());
 * }</pre>
 */
public final class ConfigSigningKey {
    /** File name in the hub's data directory. */
    public static final String FILE_NAME = "config-signing.p12";

    private final ECPrivateKey key;
    private final ECPublicKey publicKey;
    private final String keyId;

    private ConfigSigningKey(ECPrivateKey key, ECPublicKey publicKey) {
        this.key = key;
        this.publicKey = publicKey;
        this.keyId = "config-" + fingerprint(publicKey).substring(0, 16);
    }

    /** Opens the key in {@code file}, creating it on first start. */
    public static ConfigSigningKey openOrCreate(Path file, char[] passphrase) throws IOException, ProvisioningException {
        KeyPair pair = SigningKeyStore.openOrCreate(file, "config-signing", passphrase,
                SiteCaSettings.defaults("hub").keyProtectionIterations());
        return new ConfigSigningKey((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
    }

    /** A signer of configurations with this key. */
    public ConfigSigner signer(Clock clock) {
        return new ConfigSigner(key, keyId, clock);
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The key id in the JWS headers, e.g. {@code config-3f9c0a12b4de5f60}. */
    public String keyId() {
        return keyId;
    }

    /** The public key as PEM ({@code PUBLIC KEY}). */
    public String publicKeyPem() {
        return SigningKeyStore.publicKeyPem(publicKey);
    }

    private static String fingerprint(ECPublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

package fr.vigie.hub.fleet;

import fr.vigie.config.CommandSigner;
import fr.vigie.config.ConfigSigner;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.provisioning.signing.HubJwsVerifier;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The hub's signing key (ES256, EC P-256): it signs configuration bundles, remote commands and the
 * exported audit chain heads, all through one path ({@link HubJwsSigner}, a {@code typ} per kind of
 * object). Generated on the hub on first start and never exported: it lives in {@code <data>/config-signing/config-signing.p12}, PBES2-encrypted under the
 * same passphrase as the site CA keys ({@link SigningKeyStore}), so that a copy of the data directory
 * without the passphrase does not let anyone sign a configuration or a command. Its public half is
 * written to {@code config-signing.pub.pem} next to it; kiosks pin it (at enrolment, or from
 * {@code kiosk.config.hub-key}). Thread-safe.
 *
 * <pre>{@code
 * ConfigSigningKey key = ConfigSigningKey.openOrCreate(dataDir.resolve("config-signing"), passphrase, clock);
 * ConfigBundle bundle = key.signer().sign(kiosk, version, settings);
 * }</pre>
 */
public final class ConfigSigningKey {
    /** The key store's file name. */
    public static final String KEY_FILE = "config-signing.p12";
    /** The public key's file name. */
    public static final String PUBLIC_FILE = "config-signing.pub.pem";
    private static final int ITERATIONS = 600_000;

    private final ECPublicKey publicKey;
    private final String keyId;
    private final HubJwsSigner jws;
    private final ConfigSigner signer;
    private final CommandSigner commandSigner;
    private final String publicPem;

    private ConfigSigningKey(KeyPair keys, Clock clock) {
        this.publicKey = (ECPublicKey) keys.getPublic();
        this.keyId = "config-" + thumbprint(publicKey.getEncoded());
        this.jws = new HubJwsSigner((ECPrivateKey) keys.getPrivate(), keyId);
        this.signer = new ConfigSigner(jws, clock);
        this.commandSigner = new CommandSigner(jws, clock, new SecureRandom());
        this.publicPem = SigningKeyStore.publicKeyPem(publicKey);
    }

    /**
     * Opens the key in {@code dir}, generating it on first start, and (re)writes its public half.
     *
     * @throws ProvisioningException wrong or missing passphrase, or a damaged key store
     */
    public static ConfigSigningKey openOrCreate(Path dir, char[] passphrase, Clock clock)
            throws IOException, ProvisioningException {
        return openOrCreate(dir, passphrase, ITERATIONS, clock);
    }

    static ConfigSigningKey openOrCreate(Path dir, char[] passphrase, int iterations, Clock clock)
            throws IOException, ProvisioningException {
        KeyPair keys = SigningKeyStore.openOrCreate(dir.resolve(KEY_FILE), "config-signing", passphrase, iterations);
        ConfigSigningKey key = new ConfigSigningKey(keys, clock);
        AtomicFiles.write(dir.resolve(PUBLIC_FILE), key.publicPem.getBytes(StandardCharsets.US_ASCII));
        return key;
    }

    /** Signs bundles with this key. */
    public ConfigSigner signer() {
        return signer;
    }

    /** Prepares and signs remote commands with this key. */
    public CommandSigner commandSigner() {
        return commandSigner;
    }

    /** Signs any other object the hub vouches for (e.g. an exported audit head) with this key. */
    public HubJwsSigner jws() {
        return jws;
    }

    /** Checks what this key signed. */
    public HubJwsVerifier verifier() {
        return new HubJwsVerifier(publicKey);
    }

    /** The public key kiosks verify with. */
    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM. */
    public String publicKeyPem() {
        return publicPem;
    }

    /** The JWS key id: {@code config-} and the first 16 hex digits of the SHA-256 of the public key. */
    public String keyId() {
        return keyId;
    }

    private static String thumbprint(byte[] spki) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

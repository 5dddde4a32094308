package fr.vigie.hub;

import fr.vigie.hub.fleet.ConfigSigningKey;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.software.RepositorySigningKey;

import fr.vigie.provisioning.device.DeviceSecret;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's keys, all encrypted at rest under one passphrase: the site CA ({@code <data>/site-ca}),
 * the configuration signing key ({@code <data>/config-signing/}, see {@link ConfigSigningKey}) and the package
 * repository's OpenPGP key ({@code <data>/software/}, see {@link RepositorySigningKey}), created on first start. The
 * passphrase comes from a configured file or, when none is configured, from
 * {@code <data>/site-ca.passphrase}, a random 256-bit secret generated on first start with mode 600
 * (see {@code HubPkiConfig} for why a production hub configures its own file). Hubs sharing one
 * database share these keys and their passphrase. Immutable.
 *
 * @param ca the site CA
 * @param configKey the key kiosk configurations are signed with
 * @param repositoryKey the OpenPGP key the hub's package repository is signed with ({@code <data>/software/})
 * @param dataKey an AES-256 key derived from the passphrase (HKDF-SHA256), with which the hubs sharing
 *        the site's database encrypt what they store there but must not keep in clear (PSC's CIBA
 *        handles and tokens); never written anywhere
 */
record HubKeys(SiteCa ca, ConfigSigningKey configKey, RepositorySigningKey repositoryKey, SecretKey dataKey) {
    private static final Logger LOG = LoggerFactory.getLogger(HubKeys.class);
    /** Generated passphrase file inside the hub's data directory. */
    static final String GENERATED_PASSPHRASE = "site-ca.passphrase";
    /** The package repository and its signing key, inside the hub's data directory. */
    static final String SOFTWARE_DIR = "software";
    private static final byte[] HKDF_SALT = "vigie-hub data key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "psc-ciba v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param passphraseFile the configured passphrase file, or null for the generated one
     * @throws ProvisioningException {@code CA_LOCKED} (empty passphrase), {@code CA_PASSPHRASE_WRONG},
     *     {@code CA_STORE_INVALID}
     */
    static HubKeys open(Path dataDir, String site, Path passphraseFile, Clock clock)
            throws IOException, ProvisioningException {
        char[] passphrase = passphraseFile == null ? DeviceSecret.loadOrCreate(dataDir.resolve(GENERATED_PASSPHRASE))
                : Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        try {
            SiteCa ca = SiteCa.openOrCreate(dataDir.resolve("site-ca"), SiteCaSettings.defaults(site), passphrase, clock);
            ConfigSigningKey configKey = ConfigSigningKey.openOrCreate(dataDir.resolve(Fleet.KEY_DIR), passphrase,
                    clock);
            RepositorySigningKey repositoryKey = RepositorySigningKey.openOrCreate(dataDir.resolve(SOFTWARE_DIR),
                    "Vigie hub of " + site + " (package repository)", passphrase, clock);
            LOG.info("site CA of '{}' open (root SHA-256 {}), passphrase from {}", site, ca.rootFingerprint(),
                    passphraseFile == null ? "the generated " + GENERATED_PASSPHRASE : passphraseFile);
            return new HubKeys(ca, configKey, repositoryKey, dataKey(passphrase));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** HKDF-SHA256 (RFC 5869) of the passphrase: extract with a fixed salt, expand one block. */
    private static SecretKey dataKey(char[] passphrase) {
        byte[] ikm = new String(passphrase).getBytes(StandardCharsets.UTF_8);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(HKDF_SALT, "HmacSHA256"));
            byte[] prk = hmac.doFinal(ikm);
            hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
            hmac.update(HKDF_INFO);
            hmac.update((byte) 1);
            byte[] okm = hmac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return new SecretKeySpec(okm, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }
}

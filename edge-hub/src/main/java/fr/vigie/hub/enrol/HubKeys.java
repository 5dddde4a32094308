package fr.vigie.hub.enrol;

import fr.vigie.hub.fleet.ConfigSigningKey;
import fr.vigie.hub.fleet.Fleet;

import fr.vigie.provisioning.device.DeviceSecret;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's keys, all encrypted at rest under one passphrase: the site CA ({@code <data>/site-ca})
 * and the configuration signing key ({@code <data>/config-signing/}, see {@link ConfigSigningKey}), created on first start. The
 * passphrase comes from a configured file or, when none is configured, from
 * {@code <data>/site-ca.passphrase}, a random 256-bit secret generated on first start with mode 600
 * (see {@code HubPkiConfig} for why a production hub configures its own file). Immutable.
 *
 * @param ca the site CA
 * @param configKey the key kiosk configurations are signed with
 */
public record HubKeys(SiteCa ca, ConfigSigningKey configKey) {
    private static final Logger LOG = LoggerFactory.getLogger(HubKeys.class);
    /** Generated passphrase file inside the hub's data directory. */
    public static final String GENERATED_PASSPHRASE = "site-ca.passphrase";

    /**
     * @param passphraseFile the configured passphrase file, or null for the generated one
     * @throws ProvisioningException {@code CA_LOCKED} (empty passphrase), {@code CA_PASSPHRASE_WRONG},
     *     {@code CA_STORE_INVALID}
     */
    public static HubKeys open(Path dataDir, String site, Path passphraseFile, Clock clock)
            throws IOException, ProvisioningException {
        char[] passphrase = passphraseFile == null ? DeviceSecret.loadOrCreate(dataDir.resolve(GENERATED_PASSPHRASE))
                : Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        try {
            SiteCa ca = SiteCa.openOrCreate(dataDir.resolve("site-ca"), SiteCaSettings.defaults(site), passphrase, clock);
            ConfigSigningKey configKey = ConfigSigningKey.openOrCreate(dataDir.resolve(Fleet.KEY_DIR), passphrase,
                    clock);
            LOG.info("site CA of '{}' open (root SHA-256 {}), passphrase from {}", site, ca.rootFingerprint(),
                    passphraseFile == null ? "the generated " + GENERATED_PASSPHRASE : passphraseFile);
            return new HubKeys(ca, configKey);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}

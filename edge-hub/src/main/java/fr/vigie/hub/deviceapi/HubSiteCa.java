package fr.vigie.hub.deviceapi;

import fr.vigie.provisioning.DeviceSecret;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SiteCa;
import fr.vigie.provisioning.SiteCaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the hub's site CA in {@code <data>/site-ca}, creating it on first start, with the passphrase
 * from a configured file or, when none is configured, from {@code <data>/site-ca.passphrase}, a
 * random 256-bit secret generated on first start with mode 600 (see {@code HubPkiConfig} for why a
 * production hub should configure its own file). Stateless.
 */
public final class HubSiteCa {
    private static final Logger LOG = LoggerFactory.getLogger(HubSiteCa.class);
    /** Generated passphrase file inside the hub's data directory. */
    public static final String GENERATED_PASSPHRASE = "site-ca.passphrase";

    private HubSiteCa() {
    }

    /**
     * @param passphraseFile the configured passphrase file, or null for the generated one
     * @throws ProvisioningException {@code CA_LOCKED} (empty passphrase), {@code CA_PASSPHRASE_WRONG},
     *     {@code CA_STORE_INVALID}
     */
    public static SiteCa open(Path dataDir, String site, Path passphraseFile, Clock clock)
            throws IOException, ProvisioningException {
        char[] passphrase;
        if (passphraseFile == null) {
            passphrase = DeviceSecret.loadOrCreate(dataDir.resolve(GENERATED_PASSPHRASE));
        } else {
            passphrase = Files.readString(passphraseFile, StandardCharsets.UTF_8).strip().toCharArray();
        }
        try {
            SiteCa ca = SiteCa.openOrCreate(dataDir.resolve("site-ca"), SiteCaSettings.defaults(site), passphrase, clock);
            LOG.info("site CA of '{}' open (root SHA-256 {}), passphrase from {}", site, ca.rootFingerprint(),
                    passphraseFile == null ? "the generated " + GENERATED_PASSPHRASE : passphraseFile);
            return ca;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}

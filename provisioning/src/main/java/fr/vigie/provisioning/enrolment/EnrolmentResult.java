package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import java.util.Objects;

/**
 * What an approved kiosk receives: its certificate chain (device certificate, issuing CA, root)
 * and its first signed configuration. The kiosk installs the chain with
 * {@link fr.vigie.provisioning.device.DeviceIdentity#installCertificateChain(String)}, verifies and
 * applies the configuration, then connects to MQTT with mutual TLS. Immutable.
 *
 * @param kiosk the kiosk enrolled
 * @param certificateChainPem PEM chain, device certificate first, root last
 * @param firstConfig the kiosk's first signed configuration bundle
 */
public record EnrolmentResult(KioskAddress kiosk, String certificateChainPem, ConfigBundle firstConfig) {

    public EnrolmentResult {
        Objects.requireNonNull(kiosk, "kiosk");
        if (certificateChainPem == null || certificateChainPem.isBlank()) {
            throw new IllegalArgumentException("certificateChainPem must not be empty");
        }
        Objects.requireNonNull(firstConfig, "firstConfig");
        if (!KioskAddress.of(firstConfig.site(), firstConfig.kioskId()).equals(kiosk)) {
            throw new IllegalArgumentException("firstConfig is for kiosk " + firstConfig.site() + "/"
                    + firstConfig.kioskId() + ", not for " + kiosk);
        }
    }
}

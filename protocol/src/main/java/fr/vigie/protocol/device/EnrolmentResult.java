package fr.vigie.protocol.device;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.util.Objects;

/**
 * What an approved kiosk receives in {@link EnrolmentProgress#result()}: its certificate chain (device
 * certificate, issuing CA, root) and its first signed configuration, which it verifies before applying.
 * Immutable.
 *
 * @param schema {@value EnrolmentRequest#SCHEMA_VERSION}
 * @param certificateChainPem PEM chain, device certificate first, root last
 * @param firstConfig the kiosk's first signed configuration bundle, for this kiosk
 */
public record EnrolmentResult(int schema, String site, String kioskId, String certificateChainPem,
        ConfigBundle firstConfig) {

    public EnrolmentResult {
        requireSchema(schema);
        KioskAddress kiosk = KioskAddress.of(site, kioskId);
        if (certificateChainPem == null || certificateChainPem.isBlank()) {
            throw new IllegalArgumentException("certificateChainPem must not be empty");
        }
        Objects.requireNonNull(firstConfig, "firstConfig is required");
        if (firstConfig.schema() != ProtocolCodec.SCHEMA_VERSION) {
            throw new IllegalArgumentException("firstConfig has schema " + firstConfig.schema() + ", not "
                    + ProtocolCodec.SCHEMA_VERSION);
        }
        if (!KioskAddress.of(firstConfig.site(), firstConfig.kioskId()).equals(kiosk)) {
            throw new IllegalArgumentException("firstConfig is for kiosk " + firstConfig.site() + "/"
                    + firstConfig.kioskId() + ", not for " + kiosk);
        }
    }

    /** The result for {@code kiosk}. */
    public static EnrolmentResult of(KioskAddress kiosk, String certificateChainPem, ConfigBundle firstConfig) {
        return new EnrolmentResult(EnrolmentRequest.SCHEMA_VERSION, kiosk.site(), kiosk.kioskId(),
                certificateChainPem, firstConfig);
    }

    /** The kiosk enrolled. */
    public KioskAddress kiosk() {
        return KioskAddress.of(site, kioskId);
    }

    static void requireSchema(int schema) {
        if (schema != EnrolmentRequest.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema " + schema + " is not supported (this side reads version "
                    + EnrolmentRequest.SCHEMA_VERSION + ")");
        }
    }
}

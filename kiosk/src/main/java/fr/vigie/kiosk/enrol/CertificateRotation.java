package fr.vigie.kiosk.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.provisioning.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the kiosk's certificate: a new EC key pair generated on the kiosk (kept encrypted until
 * its certificate arrives), its CSR sent over the device API with the current certificate, the new
 * chain installed (the old key destroyed), the MQTT link reconnected with it, and the hub told, so
 * that it revokes the old certificate as superseded. {@link #renewIfDue()} does it at two thirds of
 * the lifetime; {@link #rotate()} at once (the {@code rotate-cert} command). Thread-safe.
 *
 * <pre>{@code
 * CertificateRotation rotation = new CertificateRotation(identity, hubApi, link::reconnect);
 * rotation.rotate();
 * }</pre>
 */
public final class CertificateRotation {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRotation.class);
    private final DeviceIdentity identity;
    private final HubApi hub;
    private final Runnable reconnect;

    public CertificateRotation(DeviceIdentity identity, HubApi hub, Runnable reconnect) {
        this.identity = identity;
        this.hub = hub;
        this.reconnect = reconnect;
    }

    /**
     * Re-keys now.
     *
     * @throws HubApiException when the hub cannot be reached or refuses (e.g. {@code CERT_REVOKED})
     * @throws ProvisioningException when the returned chain is not acceptable (the current key stays)
     */
    public synchronized void rotate() throws HubApiException, ProvisioningException, IOException {
        String old = identity.certificateChain().get(0).getSerialNumber().toString(16);
        JsonNode answer = hub.post("/device/v1/certificate/renew", Map.of("csrPem", identity.renewalCsrPem()));
        identity.installCertificateChain(answer.path("certificateChainPem").asText());
        reconnect.run();
        hub.post("/device/v1/certificate/installed", Map.of());
        LOG.info("kiosk {} rotated its certificate: {} replaces {}", identity.kiosk(),
                identity.certificateChain().get(0).getSerialNumber().toString(16), old);
    }

    /** Rotates when two thirds of the certificate's lifetime have passed; whether it did. */
    public boolean renewIfDue() throws HubApiException, ProvisioningException, IOException {
        if (!identity.isRenewalDue()) {
            return false;
        }
        rotate();
        return true;
    }
}

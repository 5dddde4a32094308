package fr.vigie.kiosk.enrol;

import fr.vigie.kiosk.fleet.CertificateRotation;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.CertificateApi;
import fr.vigie.protocol.device.RenewalAnswer;
import fr.vigie.protocol.device.RenewalRequest;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the kiosk's certificate: a new EC key pair generated on the kiosk (kept encrypted until
 * its certificate arrives), its CSR sent over the device API ({@link CertificateApi}) with the current certificate, the new
 * chain installed (the old key destroyed), the MQTT link reconnected with it, and the hub told, so
 * that it revokes the old certificate as superseded. {@link #renewIfDue()} does it at two thirds of
 * the lifetime; {@link #rotate()} at once: it is the kiosk's {@link CertificateRotation} for the
 * {@code rotate-cert} command. Thread-safe.
 *
 * <pre>{@code
 * CertificateRenewal renewal = new CertificateRenewal(identity, hubApi, link::reconnect);
 * renewal.rotate();
 * }</pre>
 */
public final class CertificateRenewal implements CertificateRotation {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);
    private final DeviceIdentity identity;
    private final HubApi hub;
    private final Runnable reconnect;

    public CertificateRenewal(DeviceIdentity identity, HubApi hub, Runnable reconnect) {
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
    @Override
    public synchronized Instant rotate() throws HubApiException, ProvisioningException, IOException {
        String old = identity.certificateChain().get(0).getSerialNumber().toString(16);
        RenewalAnswer answer = hub.call(CertificateApi.RENEW, new RenewalRequest(identity.renewalCsrPem()));
        identity.installCertificateChain(answer.certificateChainPem());
        reconnect.run();
        hub.call(CertificateApi.INSTALLED, null);
        LOG.info("kiosk {} rotated its certificate: {} replaces {}", identity.kiosk(),
                identity.certificateChain().get(0).getSerialNumber().toString(16), old);
        return identity.certificateChain().get(0).getNotAfter().toInstant();
    }

    @Override
    public Optional<Instant> currentExpiry() {
        List<X509Certificate> chain = identity.certificateChain();
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0).getNotAfter().toInstant());
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

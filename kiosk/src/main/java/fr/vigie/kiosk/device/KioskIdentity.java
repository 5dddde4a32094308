package fr.vigie.kiosk.device;

import fr.vigie.kiosk.config.HubAccess;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.enrol.CertificateRenewal;
import fr.vigie.kiosk.enrol.DeviceEnrolment;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.DeviceSecret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's device identity and what hangs on it: the key and certificate in
 * {@code <data>/identity}, its enrolment, its {@link HubApi} to the device API, and an hourly check
 * that renews the certificate at two thirds of its lifetime. The blocking steps run on the kiosk's own
 * identity thread, never on the (possibly shared) timer scheduler. Thread-safe.
 */
final class KioskIdentity implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskIdentity.class);
    static final String IDENTITY_DIR = "identity";
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Duration RENEWAL_CHECK = Duration.ofHours(1);

    private final DeviceIdentity device;
    private final HubApi hub;
    private final DeviceEnrolment enrolment;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService worker;
    private volatile Runnable reconnect = () -> { };
    private ScheduledFuture<?> renewalCheck;

    private KioskIdentity(DeviceIdentity device, HubApi hub, DeviceEnrolment enrolment,
            ScheduledExecutorService scheduler, ExecutorService worker) {
        this.device = device;
        this.hub = hub;
        this.enrolment = enrolment;
        this.scheduler = scheduler;
        this.worker = worker;
    }

    /** Opens (or creates) the identity; nothing happens on the network before {@link #start()}. */
    static KioskIdentity open(KioskConfig config, Clock clock, ScheduledExecutorService scheduler, Runnable onEnrolled)
            throws IOException, ProvisioningException {
        HubAccess access = config.hubAccess();
        char[] secret = DeviceSecret.loadOrCreate(access.deviceSecretFile());
        DeviceIdentity device;
        try {
            device = DeviceIdentity.openOrCreate(Kiosk.identityDirectory(config.dataDir()), config.address(), secret, clock);
        } finally {
            Arrays.fill(secret, '\0');
        }
        HubApi hub = HubApi.forDevice(access.deviceApi(), device);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-identity-" + config.kioskId());
            t.setDaemon(true);
            return t;
        });
        DeviceEnrolment enrolment = new DeviceEnrolment(device, HubApi.forEnrolment(access.deviceApi(),
                access.caFingerprint()), hub, access.tokenFile(), config.dataDir(), scheduler, worker, POLL_EVERY,
                access.restartAfterRejection(), onEnrolled);
        return new KioskIdentity(device, hub, enrolment, scheduler, worker);
    }

    void start() {
        enrolment.start();
        renewalCheck = scheduler.scheduleAtFixedRate(() -> worker.execute(this::renewIfDue), RENEWAL_CHECK.toMinutes(),
                RENEWAL_CHECK.toMinutes(), TimeUnit.MINUTES);
    }

    DeviceEnrolment enrolment() {
        return enrolment;
    }

    /** The mutual-TLS client of the device API (usable once enrolled). */
    HubApi hubApi() {
        return hub;
    }

    /** The mutual-TLS context of the current certificate, for the MQTT link. */
    SSLContext sslContext() {
        try {
            return device.sslContext();
        } catch (ProvisioningException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The renewal of this identity, reconnecting the MQTT link with {@code reconnectLink} afterwards. */
    CertificateRenewal renewal(Runnable reconnectLink) {
        reconnect = reconnectLink;
        return new CertificateRenewal(device, hub, reconnectLink);
    }

    private void renewIfDue() {
        try {
            new CertificateRenewal(device, hub, reconnect).renewIfDue();
        } catch (HubApiException | ProvisioningException | IOException | RuntimeException e) {
            log.warn("kiosk {}: certificate renewal failed, will try again: {}", device.kiosk(), e.toString());
        }
    }

    @Override
    public void close() {
        enrolment.stop();
        if (renewalCheck != null) {
            renewalCheck.cancel(false);
        }
        worker.shutdownNow();
    }
}

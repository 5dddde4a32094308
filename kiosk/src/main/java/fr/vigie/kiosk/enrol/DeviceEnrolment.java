package fr.vigie.kiosk.enrol;

import fr.vigie.config.AppliedConfigStore;
import fr.vigie.config.ConfigError;
import fr.vigie.config.ConfigException;
import fr.vigie.config.ConfigVerifier;
import fr.vigie.kiosk.fleet.KioskFleet;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.CertificateApi;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentError;
import fr.vigie.protocol.device.EnrolmentProgress;
import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.protocol.device.EnrolmentResult;
import fr.vigie.protocol.device.EnrolmentTicket;
import fr.vigie.protocol.retry.Backoff;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's side of enrolment, run in the background on the kiosk's scheduler: submits its CSR
 * (with a bootstrap token when it has one, falling back to IT's approval if the hub refuses the
 * token), polls until IT decides, then installs the certificate chain, pins the hub's
 * configuration key (fetched over mutual TLS with the new certificate), verifies and applies the
 * first signed configuration, and calls {@code onEnrolled}. The request id is kept in
 * {@code enrolment-id} so that a restart goes on polling the same request. A request IT rejects — or
 * closes as {@code SUPERSEDED} because it approved another key for this kiosk id — is shown with its
 * reason, then the kiosk asks again after {@code restartAfter}, doubling at each new rejection up to an
 * hour: a kiosk never stops asking until it is enrolled. Progress is published in {@link EnrolmentState}.
 * Thread-safe.
 *
 * <pre>{@code
 * DeviceEnrolment e = new DeviceEnrolment(identity, HubApi.forEnrolment(url, pin), HubApi.forDevice(url, identity),
 *         tokenFile, dataDir, scheduler, worker, Duration.ofSeconds(1), Duration.ofMinutes(1), link::start);
 * e.start();
 * }</pre>
 */
public final class DeviceEnrolment {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEnrolment.class);
    static final String PENDING_FILE = "enrolment-id";
    /** The hub's configuration key, pinned at enrolment, where the fleet agent reads it. */
    static final String CONFIG_KEY_FILE = KioskFleet.CONFIG_DIR + "/" + KioskFleet.HUB_KEY_FILE;
    /** Where the applied configuration lives ({@link AppliedConfigStore}). */
    static final String CONFIG_DIR = KioskFleet.CONFIG_DIR;
    /** The hub refused the bootstrap token: the kiosk asks IT's approval instead. */
    private static final Set<EnrolmentError> TOKEN_REFUSED = Set.of(EnrolmentError.TOKEN_UNKNOWN,
            EnrolmentError.TOKEN_EXPIRED, EnrolmentError.TOKEN_USED, EnrolmentError.TOKEN_WRONG_KIOSK);
    /** After a failure to reach the hub: 1 s, doubling up to 30 s. */
    private static final Backoff RETRY = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration MAX_RESTART = Duration.ofHours(1);

    private final DeviceIdentity identity;
    private final HubApi enrolApi;
    private final HubApi deviceApi;
    private final Path tokenFile;
    private final Path dataDir;
    private final ScheduledExecutorService scheduler;
    private final Executor worker;
    private final Duration pollEvery;
    /** After a rejection: restartAfter, doubling at each new one, up to an hour. */
    private final Backoff restart;
    private final Runnable onEnrolled;
    private final EnrolmentState state;
    private volatile boolean stopped;
    private boolean tokenRefused;
    private int failures;
    private int rejections;

    /**
     * @param tokenFile a file holding a bootstrap token, or null to wait for IT
     * @param scheduler times the retries and polls
     * @param worker runs the steps, which block on the network and the disk (not the scheduler's threads,
     *        which a virtual fleet shares between many kiosks)
     * @param pollEvery how often to ask whether IT decided
     * @param restartAfter how long to show a rejection before asking again (doubled at each new one, up to an hour)
     * @param onEnrolled run once, on the worker, when the kiosk is enrolled (now or later)
     */
    public DeviceEnrolment(DeviceIdentity identity, HubApi enrolApi, HubApi deviceApi, Path tokenFile, Path dataDir,
            ScheduledExecutorService scheduler, Executor worker, Duration pollEvery, Duration restartAfter,
            Runnable onEnrolled) {
        this.identity = identity;
        this.enrolApi = enrolApi;
        this.deviceApi = deviceApi;
        this.tokenFile = tokenFile;
        this.dataDir = dataDir;
        this.scheduler = scheduler;
        this.worker = worker;
        this.pollEvery = pollEvery;
        this.restart = Backoff.exponential(restartAfter.compareTo(MAX_RESTART) > 0 ? MAX_RESTART : restartAfter, MAX_RESTART);
        this.onEnrolled = onEnrolled;
        this.state = new EnrolmentState(identity.kiosk(), identity.enrolmentCode());
    }

    /** What the screen shows. */
    public EnrolmentState state() {
        return state;
    }

    /** Whether the kiosk holds a certificate and the hub's pinned configuration key. */
    public boolean isComplete() {
        return identity.isEnrolled() && Files.exists(dataDir.resolve(CONFIG_KEY_FILE));
    }

    /** The hub's configuration key pinned at enrolment, if enrolled. */
    public static Optional<ECPublicKey> pinnedConfigKey(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CONFIG_KEY_FILE);
        return Files.exists(file) ? Optional.of(SigningKeyStore.readPublicKey(file)) : Optional.empty();
    }

    /** Starts in the background; an already enrolled kiosk calls {@code onEnrolled} at once. */
    public void start() {
        worker.execute(this::step);
    }

    /** Stops polling. */
    public void stop() {
        stopped = true;
    }

    private synchronized void step() {
        if (stopped) {
            return;
        }
        if (isComplete()) {
            state.set(EnrolmentState.Phase.ENROLLED, null);
            onEnrolled.run();
            return;
        }
        try {
            Optional<String> pending = pendingId();
            if (pending.isEmpty()) {
                submit();
            } else {
                poll(pending.get());
            }
        } catch (HubApiException e) {
            refusedOrUnreachable(e);
        } catch (ProvisioningException | ConfigException | IOException | RuntimeException e) {
            LOG.warn("kiosk {}: enrolment step failed: {}", identity.kiosk(), e.toString());
            state.set(EnrolmentState.Phase.FAILED, e instanceof ProvisioningException p ? p.error().name()
                    : e instanceof ConfigException c ? c.error().name() : "ENROLMENT_FAILED");
            retryLater();
        }
    }

    private void submit() throws HubApiException, IOException, ProvisioningException, ConfigException {
        Optional<String> token = !tokenRefused && tokenFile != null && Files.exists(tokenFile)
                ? Optional.of(Files.readString(tokenFile, StandardCharsets.US_ASCII).strip()) : Optional.empty();
        EnrolmentRequest request = identity.enrolmentRequest(token);
        EnrolmentTicket ticket = enrolApi.call(EnrolmentApi.SUBMIT, request);
        String id = ticket.id();
        AtomicFiles.write(dataDir.resolve(PENDING_FILE), id.getBytes(StandardCharsets.US_ASCII));
        LOG.info("kiosk {} submitted enrolment {} ({}), code {}", identity.kiosk(), id,
                token.isEmpty() ? "waits for IT" : "with a bootstrap token", identity.enrolmentCode());
        failures = 0;
        poll(id);
    }

    private void poll(String id) throws HubApiException, IOException, ProvisioningException, ConfigException {
        EnrolmentProgress answer;
        try {
            answer = enrolApi.get(EnrolmentApi.PROGRESS, id);
        } catch (IllegalArgumentException e) {
            LOG.warn("kiosk {}: the enrolment id kept is not one ({}); asking again", identity.kiosk(), e.getMessage());
            Files.deleteIfExists(dataDir.resolve(PENDING_FILE));
            schedule(Duration.ZERO);
            return;
        }
        failures = 0;
        switch (answer.status()) {
            case ISSUED -> install(answer.result().orElseThrow());
            case REJECTED -> {
                Files.deleteIfExists(dataDir.resolve(PENDING_FILE));
                String reason = answer.reason().orElse("REJECTED");
                Duration wait = restart.delay(rejections++);
                LOG.warn("kiosk {}: enrolment {} rejected ({}); asking again in {} s", identity.kiosk(), id, reason,
                        wait.toSeconds());
                state.set(EnrolmentState.Phase.REJECTED, reason);
                schedule(wait);
            }
            case PENDING -> {
                state.set(EnrolmentState.Phase.WAITING_FOR_APPROVAL, null);
                schedule(pollEvery);
            }
        }
    }

    private void install(EnrolmentResult result) throws ProvisioningException, IOException, HubApiException,
            ConfigException {
        identity.installCertificateChain(result.certificateChainPem());
        String pem = deviceApi.get(CertificateApi.SIGNING_KEY).publicKeyPem();
        ECPublicKey configKey = SigningKeyStore.parsePublicKey(pem);
        ConfigVerifier verifier = new ConfigVerifier(configKey, identity.kiosk());
        AppliedConfigStore store = new AppliedConfigStore(dataDir.resolve(CONFIG_DIR), verifier);
        try {
            store.apply(verifier.verify(result.firstConfig(), store.highestVersionSeen()));
        } catch (ConfigException e) {
            if (e.error() != ConfigError.CONFIG_VERSION_NOT_NEWER) {
                throw e;
            }
            LOG.info("kiosk {} keeps its newer configuration {} over the enrolment's first one", identity.kiosk(),
                    store.highestVersionSeen());
        }
        AtomicFiles.createPrivateDirectory(dataDir.resolve(CONFIG_DIR));
        AtomicFiles.write(dataDir.resolve(CONFIG_KEY_FILE), pem.getBytes(StandardCharsets.US_ASCII));
        Files.deleteIfExists(dataDir.resolve(PENDING_FILE));
        rejections = 0;
        LOG.info("kiosk {} enrolled: certificate {}, configuration {}", identity.kiosk(),
                identity.certificateChain().get(0).getSerialNumber().toString(16), result.firstConfig().version());
        state.set(EnrolmentState.Phase.ENROLLED, null);
        onEnrolled.run();
    }

    private void refusedOrUnreachable(HubApiException e) {
        if (!e.refused()) {
            LOG.info("kiosk {}: hub not reachable for enrolment ({}), retrying", identity.kiosk(), e.error());
            retryLater();
            return;
        }
        try {
            if (TOKEN_REFUSED.contains(e.error()) && !tokenRefused) {
                LOG.warn("kiosk {}: the hub refused the bootstrap token ({}); asking IT's approval instead",
                        identity.kiosk(), e.error());
                tokenRefused = true;
                schedule(Duration.ZERO);
                return;
            }
            if (e.status() == 404) {
                Files.deleteIfExists(dataDir.resolve(PENDING_FILE));
                schedule(Duration.ZERO);
                return;
            }
        } catch (IOException io) {
            LOG.warn("kiosk {}: {}", identity.kiosk(), io.toString());
        }
        LOG.warn("kiosk {}: the hub refused the enrolment: {} {}", identity.kiosk(), e.error(), e.getMessage());
        state.set(EnrolmentState.Phase.FAILED, e.error().name());
        retryLater();
    }

    private Optional<String> pendingId() throws IOException {
        Path file = dataDir.resolve(PENDING_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : Optional.empty();
    }

    private void retryLater() {
        schedule(RETRY.delay(failures++));
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            scheduler.schedule(() -> worker.execute(this::step), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}

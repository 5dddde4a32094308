package fr.vigie.kiosk.update;

import fr.vigie.kiosk.fleet.SoftwareUpdates;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.SoftwareApi;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's side of a software update. On the hub's {@code update-software} command it waits until no clinician
 * session is open and the {@link MaintenanceWindow} allows it, pins the hub's repository key (the first one it is
 * given; a different one later is refused), mirrors the repository with the version asked for and the one
 * installed (kept for a rollback), then leaves the request for the root unit and reports {@code UPDATING}. A hub
 * that cannot be reached leaves the version in place; the attempt is retried. After the restart the update causes,
 * {@link #reportOutcome()} turns the root unit's result into the {@code UPDATED} / {@code ROLLED_BACK} /
 * {@code REFUSED} / {@code FAILED} event. Reports go through {@code report} (the outbox: they survive restarts
 * and outages). Thread-safe (one attempt at a time on {@code scheduler}).
 */
public final class SoftwareUpdater implements SoftwareUpdates {
    /** How long to wait before trying again (session open, outside the window, hub unreachable). */
    public static final Duration RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareUpdater.class);

    private final KioskAddress self;
    private final UpdateFiles files;
    private final Supplier<Optional<HubApi>> hub;
    private final String installedVersion;
    private final Supplier<MaintenanceWindow> window;
    private final BooleanSupplier clinicianSessionOpen;
    private final Consumer<EventPayload> report;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration retry;

    /**
     * @param files {@code <data>/updates}
     * @param hub the device API, once the kiosk is enrolled
     * @param installedVersion the version this process runs (the package's)
     * @param window the maintenance window in force, read at each attempt
     * @param clinicianSessionOpen whether a clinician is signed in at this kiosk now
     * @param report appends an event to the outbox
     * @param retry how long to wait before trying again ({@link #RETRY} in production)
     */
    public SoftwareUpdater(KioskAddress self, UpdateFiles files, Supplier<Optional<HubApi>> hub, String installedVersion,
            Supplier<MaintenanceWindow> window, BooleanSupplier clinicianSessionOpen, Consumer<EventPayload> report,
            Clock clock, ScheduledExecutorService scheduler, Duration retry) {
        this.self = self;
        this.files = files;
        this.hub = hub;
        this.installedVersion = installedVersion;
        this.window = window;
        this.clinicianSessionOpen = clinicianSessionOpen;
        this.report = report;
        this.clock = clock;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    /** The request an update command carries. */
    record Request(long rolloutId, String packageName, String version, boolean allowDowngrade) {
    }

    @Override
    public String accept(Map<String, String> args) {
        Request r;
        try {
            r = new Request(Long.parseLong(args.getOrDefault("rolloutId", "")), args.getOrDefault("package", ""),
                    args.getOrDefault("version", ""), Boolean.parseBoolean(args.get("allowDowngrade")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rolloutId must be a number");
        }
        if (!r.packageName().equals("vigie-kiosk")) {
            throw new IllegalArgumentException("a kiosk installs only vigie-kiosk, not '" + r.packageName() + "'");
        }
        if (!r.version().matches("[0-9][A-Za-z0-9.+~:-]{0,63}")) {
            throw new IllegalArgumentException("not a Debian version: '" + r.version() + "'");
        }
        scheduler.execute(() -> attempt(r));
        return "update to " + r.version() + " taken (window " + window.get() + ")";
    }

    /** One attempt; reschedules itself while the kiosk is busy or the hub unreachable. */
    void attempt(Request r) {
        try {
            if (files.requestPending()) {
                later(r, "an update is already handed over to the update unit");
                return;
            }
            if (clinicianSessionOpen.getAsBoolean()) {
                later(r, "a clinician session is open");
                return;
            }
            LocalTime now = LocalTime.now(clock);
            MaintenanceWindow w = window.get();
            if (!w.allows(now)) {
                later(r, "outside the maintenance window " + w);
                return;
            }
            Optional<HubApi> api = hub.get();
            if (api.isEmpty()) {
                later(r, "not enrolled yet");
                return;
            }
            String key = api.get().get(SoftwareApi.REPOSITORY_KEY).publicKeyArmoured();
            if (!files.pinKey(key)) {
                refuse(r, "REPOSITORY_KEY_CHANGED", "the hub's repository key is not the one pinned on this kiosk");
                return;
            }
            RepositoryMirror mirror = new RepositoryMirror(api.get(), files.dir().resolve("mirror"));
            List<String> wanted = new ArrayList<>(List.of(r.version()));
            wanted.add(installedVersion);
            long bytes = mirror.refresh(r.packageName(), wanted);
            if (!mirror.lists(r.packageName(), r.version())) {
                refuse(r, "PACKAGE_NOT_FOUND", "the hub's repository does not list " + r.packageName() + " " + r.version());
                return;
            }
            // mirroring may take minutes: a clinician who signed in meanwhile, or the window closing, wins
            if (clinicianSessionOpen.getAsBoolean() || !window.get().allows(LocalTime.now(clock))) {
                later(r, "a clinician signed in or the maintenance window closed while mirroring");
                return;
            }
            files.request(r.rolloutId(), r.packageName(), r.version(), r.allowDowngrade());
            LOG.info("kiosk {}: {} {} mirrored ({} bytes), handed over to the update unit", self, r.packageName(),
                    r.version(), bytes);
            report.accept(new EventPayload.SoftwareUpdate(r.rolloutId(), r.packageName(), installedVersion, r.version(),
                    "UPDATING", "HANDED_OVER", "mirrored " + bytes + " bytes; the update unit installs it"));
        } catch (HubApiException e) {
            later(r, "hub unreachable or refusing (" + e.getMessage() + "); the installed version stays");
        } catch (IOException | RuntimeException e) {
            LOG.warn("kiosk {}: update to {} failed before anything was installed: {}", self, r.version(), e.toString());
            report.accept(new EventPayload.SoftwareUpdate(r.rolloutId(), r.packageName(), installedVersion, r.version(),
                    "FAILED", "UPDATE_PREPARATION_FAILED", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Reports the root unit's outcome left before this start (once: the file goes once its event is in the
     * outbox).
     *
     * @return whether there was one
     */
    public boolean reportOutcome() throws IOException {
        Optional<EventPayload.SoftwareUpdate> outcome = files.result("vigie-kiosk");
        if (outcome.isEmpty()) {
            return false;
        }
        report.accept(outcome.get());
        files.resultReported();
        LOG.info("kiosk {}: software update of rollout {} ended {} {}", self, outcome.get().rolloutId(),
                outcome.get().state(), outcome.get().code());
        return true;
    }

    private void refuse(Request r, String code, String message) {
        report.accept(new EventPayload.SoftwareUpdate(r.rolloutId(), r.packageName(), installedVersion, r.version(),
                "REFUSED", code, message));
    }

    private void later(Request r, String why) {
        LOG.info("kiosk {}: update to {} waits {} s: {}", self, r.version(), retry.toSeconds(), why);
        scheduler.schedule(() -> attempt(r), retry.toMillis(), TimeUnit.MILLISECONDS);
    }
}

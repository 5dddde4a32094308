package fr.vigie.protocol.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells systemd that a started application is ready, then feeds the unit's watchdog ({@code WatchdogSec=}) only
 * while the application's {@link HealthProbe} finds it healthy. When the probe reports a problem the pings
 * stop and the reason goes to the unit's status line ({@code systemctl status}); if the problem lasts longer
 * than the watchdog period, systemd kills and restarts the service. When the probe is healthy again the pings
 * resume. Under no service manager ({@code NOTIFY_SOCKET} unset) it does nothing.
 *
 * <p>The probe runs every half watchdog period ({@code WATCHDOG_USEC}, set by systemd for the main process
 * only), on the watchdog's own daemon thread. Thread-safe; {@link #close} says {@code STOPPING=1}.
 *
 * <pre>{@code
 * ServiceWatchdog watchdog = ServiceWatchdog.ready(hub::problem);   // once everything serves
 * ...
 * watchdog.close();                                                  // on shutdown
 * }</pre>
 */
public final class ServiceWatchdog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServiceWatchdog.class.getName());

    private final ServiceNotifier notifier;
    private final HealthProbe probe;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Optional<String> lastProblem = Optional.empty();

    private ServiceWatchdog(ServiceNotifier notifier, HealthProbe probe, ScheduledExecutorService timer) {
        this.notifier = notifier;
        this.probe = probe;
        this.timer = timer;
    }

    /**
     * Says {@code READY=1} to the service manager of this process, if any, and starts feeding its watchdog
     * while {@code probe} is healthy. Call once the application serves.
     */
    public static ServiceWatchdog ready(HealthProbe probe) {
        return ready(probe, System.getenv(), ServiceNotifier.fromEnvironment());
    }

    static ServiceWatchdog ready(HealthProbe probe, Map<String, String> environment, Optional<ServiceNotifier> notifier) {
        if (notifier.isEmpty()) {
            return new ServiceWatchdog(null, probe, null);
        }
        notifier.get().notify("READY=1", "STATUS=serving");
        Optional<Duration> period = watchdogPeriod(environment);
        if (period.isEmpty()) {
            return new ServiceWatchdog(notifier.get(), probe, null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-service-watchdog");
            t.setDaemon(true);
            return t;
        });
        ServiceWatchdog watchdog = new ServiceWatchdog(notifier.get(), probe, timer);
        long every = Math.max(1, period.get().toMillis() / 2);
        timer.scheduleWithFixedDelay(watchdog::check, 0, every, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "service watchdog: health checked every {0} ms", every);
        return watchdog;
    }

    /**
     * The watchdog period systemd set for this process: {@code WATCHDOG_USEC}, when {@code WATCHDOG_PID} is absent
     * or names this process (a child started by the application must not feed its parent's watchdog).
     */
    static Optional<Duration> watchdogPeriod(Map<String, String> environment) {
        String usec = environment.get("WATCHDOG_USEC");
        String pid = environment.get("WATCHDOG_PID");
        if (usec == null || (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid())))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.strip());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "WATCHDOG_USEC={0} is not a number: watchdog not fed", usec);
            return Optional.empty();
        }
    }

    /** Asks the probe; pings when healthy, otherwise says why once and stays silent until it recovers. */
    private synchronized void check() {
        Optional<String> problem;
        try {
            problem = probe.problem();
        } catch (RuntimeException e) {
            problem = Optional.of("health check failed: " + e);
        }
        if (problem.isEmpty()) {
            if (lastProblem.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "healthy again: watchdog fed");
                notifier.notify("WATCHDOG=1", "STATUS=serving");
            } else {
                notifier.notify("WATCHDOG=1");
            }
        } else if (!problem.equals(lastProblem)) {
            LOG.log(System.Logger.Level.WARNING, "unhealthy, watchdog no longer fed: {0}", problem.get());
            notifier.notify("STATUS=unhealthy: " + problem.get());
        }
        lastProblem = problem;
    }

    /** Stops feeding the watchdog and tells the service manager the process is stopping. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (notifier != null) {
            notifier.notify("STOPPING=1");
        }
    }
}

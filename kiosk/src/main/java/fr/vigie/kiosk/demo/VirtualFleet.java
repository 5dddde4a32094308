package fr.vigie.kiosk.demo;

import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.protocol.KioskAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several kiosks in one JVM, driven by simulated activity: what {@code KioskMain --virtual}, the demo
 * and the benchmark run. The kiosks are real {@link Kiosk}s (own outbox file, own MQTT connection);
 * they share one timer scheduler. Thread-safe.
 *
 * <p>A <b>burst</b> of N makes each kiosk accept {@code DemoActivity} events (burstIndex 1..N) until
 * its outbox has accepted N of them <em>in its whole life</em>: the count is kept in the outbox in
 * the same transaction as each event, so after a crash a restarted burst on the same data directory
 * resumes where it stopped and exactly N are accepted in total. Use a fresh data directory for a new
 * burst, and do not mix a burst with demo activity on the same data directory.
 *
 * <pre>{@code
 * try (VirtualFleet fleet = VirtualFleet.start(50, KioskConfig.load(null, Map.of(
 *         "kiosk.site", "bench", "kiosk.id", "kiosk", "kiosk.data-dir", "/tmp/bench")))) {
 *     fleet.burst(400, 0);
 *     fleet.awaitAccepted(Duration.ofMinutes(1));
 *     fleet.awaitDrained(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class VirtualFleet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualFleet.class);

    /** What a fleet reports; called from the fleet's threads, keep it short. Default: ignore. */
    public interface Listener {
        /** The kiosk started (outbox open, link connecting in the background). */
        default void ready(KioskAddress kiosk) {
        }

        /** The kiosk's burst of {@code n} is fully accepted (durably in its outbox). */
        default void burstAccepted(KioskAddress kiosk, long n) {
        }

        /** The kiosk's outbox became empty after its burst was accepted. */
        default void drained(KioskAddress kiosk) {
        }
    }

    private final List<VirtualKiosk> kiosks;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Object monitor = new Object();

    private VirtualFleet(List<VirtualKiosk> kiosks, ScheduledThreadPoolExecutor scheduler) {
        this.kiosks = kiosks;
        this.scheduler = scheduler;
    }

    /**
     * The configurations of {@code count} virtual kiosks derived from {@code base}: ids
     * {@code <base kioskId>-001}, {@code -002}… and data directories {@code <base dataDir>/<id>}.
     *
     * @throws IllegalArgumentException when the derived ids are too long
     */
    public static List<KioskConfig> configs(int count, KioskConfig base) {
        if (count < 1) {
            throw new IllegalArgumentException("a fleet needs at least 1 kiosk, got " + count);
        }
        List<KioskConfig> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String id = String.format("%s-%03d", base.kioskId(), i);
            out.add(base.withKiosk(id, base.dataDir().resolve(id)));
        }
        return out;
    }

    /** Starts {@code count} kiosks derived from {@code base} (see {@link #configs}). */
    public static VirtualFleet start(int count, KioskConfig base) throws Exception {
        return start(configs(count, base), new Listener() { });
    }

    /** Starts {@code count} kiosks derived from {@code base}, reporting to {@code listener}. */
    public static VirtualFleet start(int count, KioskConfig base, Listener listener) throws Exception {
        return start(configs(count, base), listener);
    }

    /** Starts one kiosk per configuration, reporting to {@code listener}. */
    public static VirtualFleet start(List<KioskConfig> configs, Listener listener) throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "vigie-fleet-timer");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        List<VirtualKiosk> started = new ArrayList<>(configs.size());
        VirtualFleet fleet = new VirtualFleet(started, scheduler);
        try {
            for (KioskConfig config : configs) {
                Kiosk kiosk = Kiosk.start(config, Clock.systemUTC(), scheduler);
                started.add(new VirtualKiosk(kiosk, listener, fleet::changed));
                listener.ready(kiosk.address());
            }
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    /** The kiosks, in id order. */
    public List<Kiosk> kiosks() {
        return kiosks.stream().map(VirtualKiosk::kiosk).toList();
    }

    /**
     * Starts a burst on every kiosk (each on its own thread) and returns at once.
     *
     * @param n events per kiosk, counted over the life of its outbox
     * @param ratePerSecond events per second per kiosk, 0 for as fast as possible
     */
    public void burst(long n, double ratePerSecond) {
        if (n < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("burst needs n >= 1 and rate >= 0, got " + n + " and " + ratePerSecond);
        }
        kiosks.forEach(k -> k.startBurst(n, ratePerSecond));
    }

    /** Demo mode: each kiosk accepts a random DemoActivity about every {@code every} (jittered), until closed. */
    public void startActivity(Duration every) {
        if (every.toMillis() < 1) {
            throw new IllegalArgumentException("activity interval must be at least 1 ms, got " + every);
        }
        SecureRandom random = new SecureRandom();
        kiosks.forEach(k -> k.startActivity(every, scheduler, random));
    }

    /** Waits until every kiosk's burst is fully accepted; false on timeout. */
    public boolean awaitAccepted(Duration timeout) throws InterruptedException {
        return await(timeout, VirtualKiosk::burstAccepted);
    }

    /** Waits until every kiosk's burst (if any) is accepted and its outbox is empty; false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        return await(timeout, VirtualKiosk::isDrained);
    }

    private boolean await(Duration timeout, Predicate<VirtualKiosk> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!kiosks.stream().allMatch(done)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
            return true;
        }
    }

    private void changed() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Stops the simulated activity and closes every kiosk (in parallel). Idempotent. */
    @Override
    public void close() {
        ExecutorService closer = Executors.newFixedThreadPool(Math.max(1, Math.min(kiosks.size(), 16)));
        try {
            for (VirtualKiosk k : kiosks) {
                closer.execute(() -> {
                    try {
                        k.stop();
                        k.kiosk().close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.warn("closing kiosk {} failed", k.kiosk().address(), e);
                    }
                });
            }
            closer.shutdown();
            if (!closer.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("some virtual kiosks did not close within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closer.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}

package fr.vigie.kiosk.demo;

import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.outbox.OutboxException;
import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.EventType;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk of a {@link VirtualFleet} and the simulated activity driving it: a resumable burst on
 * its own thread, or demo activity on the shared scheduler. Reports burst completion and each
 * emptying of the outbox after the burst to the fleet's listener. Thread-safe.
 */
final class VirtualKiosk {
    private static final Logger log = LoggerFactory.getLogger(VirtualKiosk.class);
    private final Kiosk kiosk;
    private final VirtualFleet.Listener listener;
    private final Runnable changed;
    private volatile boolean stopped;
    private volatile Thread burstThread;
    private volatile ScheduledFuture<?> activity;
    private long burstTarget = -1;
    private boolean burstDone;
    private long drainEpoch;
    private long reportedEpoch = -1;

    VirtualKiosk(Kiosk kiosk, VirtualFleet.Listener listener, Runnable changed) {
        this.kiosk = kiosk;
        this.listener = listener;
        this.changed = changed;
        kiosk.addDrainListener(this::drainedEvent);
    }

    Kiosk kiosk() {
        return kiosk;
    }

    /**
     * Accepts DemoActivity events until this outbox has accepted {@code n} of them in its whole life,
     * so that a burst interrupted by a crash resumes where the durable counter says it stopped.
     */
    synchronized void startBurst(long n, double ratePerSecond) {
        if (burstTarget >= 0 || activity != null) {
            throw new IllegalStateException("kiosk " + kiosk.address() + " already runs a burst or demo activity");
        }
        burstTarget = n;
        Thread t = new Thread(() -> runBurst(n, ratePerSecond), "vigie-burst-" + kiosk.address().kioskId());
        t.setDaemon(true);
        burstThread = t;
        t.start();
    }

    private void runBurst(long n, double ratePerSecond) {
        long first = kiosk.acceptedCount(EventType.DEMO_ACTIVITY) + 1;
        long startNanos = System.nanoTime();
        boolean warnedFull = false;
        try {
            while (!stopped) {
                long index = kiosk.acceptedCount(EventType.DEMO_ACTIVITY) + 1;
                if (index > n) {
                    break;
                }
                if (ratePerSecond > 0) {
                    long wait = startNanos + (long) ((index - first) * 1e9 / ratePerSecond) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        continue;
                    }
                }
                try {
                    kiosk.accept(new EventPayload.DemoActivity(DemoActions.forIndex(index), index));
                } catch (OutboxFullException e) {
                    if (!warnedFull) {
                        log.warn("burst of {} waits for room: {}", kiosk.address(), e.getMessage());
                        warnedFull = true;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
        } catch (OutboxException e) {
            log.error("burst of {} stopped: {}", kiosk.address(), e.toString());
            return;
        }
        if (kiosk.acceptedCount(EventType.DEMO_ACTIVITY) >= n) {
            synchronized (this) {
                burstDone = true;
                listener.burstAccepted(kiosk.address(), n);
                reportDrainedIfEmpty();
            }
            changed.run();
        }
    }

    /** Demo mode: one DemoActivity with a random action about every {@code every} (±50 %), until stopped. */
    synchronized void startActivity(Duration every, ScheduledExecutorService scheduler, RandomGenerator random) {
        if (burstTarget >= 0 || activity != null) {
            throw new IllegalStateException("kiosk " + kiosk.address() + " already runs a burst or demo activity");
        }
        scheduleActivity(every.toMillis(), scheduler, random);
    }

    private void scheduleActivity(long everyMillis, ScheduledExecutorService scheduler, RandomGenerator random) {
        if (stopped) {
            return;
        }
        long delay = everyMillis / 2 + random.nextLong(everyMillis + 1);
        activity = scheduler.schedule(() -> {
            try {
                kiosk.accept(new EventPayload.DemoActivity(DemoActions.random(random), 0));
            } catch (OutboxFullException e) {
                log.warn("demo activity of {} skipped: {}", kiosk.address(), e.getMessage());
            } catch (OutboxException e) {
                log.error("demo activity of {} stopped: {}", kiosk.address(), e.toString());
                return;
            }
            scheduleActivity(everyMillis, scheduler, random);
        }, delay, TimeUnit.MILLISECONDS);
    }

    synchronized boolean burstAccepted() {
        return burstTarget < 0 || burstDone;
    }

    /** The burst (if any) is accepted and the outbox is empty. */
    synchronized boolean isDrained() {
        return burstAccepted() && kiosk.outboxDepth() == 0;
    }

    /** Publisher thread: the outbox just became empty. */
    private void drainedEvent() {
        synchronized (this) {
            drainEpoch++;
            reportDrainedIfEmpty();
        }
        changed.run();
    }

    private void reportDrainedIfEmpty() {
        if (burstDone && reportedEpoch != drainEpoch && kiosk.outboxDepth() == 0) {
            reportedEpoch = drainEpoch;
            listener.drained(kiosk.address());
        }
    }

    /** Stops the simulated activity (not the kiosk) and waits for the burst thread. */
    void stop() throws InterruptedException {
        stopped = true;
        ScheduledFuture<?> a = activity;
        if (a != null) {
            a.cancel(false);
        }
        Thread t = burstThread;
        if (t != null) {
            LockSupport.unpark(t);
            t.join(10_000);
        }
    }
}

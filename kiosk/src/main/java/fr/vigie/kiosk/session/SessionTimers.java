package fr.vigie.kiosk.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Schedules the session's timeouts. Injected with the clock so that tests advance time by hand
 * instead of sleeping. Implementations are thread-safe.
 */
public interface SessionTimers {
    /** A scheduled task that can be cancelled; cancelling twice or after it ran does nothing. */
    interface Timer {
        void cancel();
    }

    /** Runs {@code task} once, {@code delay} from now, on a timer thread. */
    Timer schedule(Duration delay, Runnable task);

    /** @return timers backed by {@code scheduler} */
    static SessionTimers of(ScheduledExecutorService scheduler) {
        return (delay, task) -> {
            ScheduledFuture<?> f = scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}

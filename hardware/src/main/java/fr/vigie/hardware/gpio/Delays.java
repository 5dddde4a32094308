package fr.vigie.hardware.gpio;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. Injected so that tests run patterns step by step instead of waiting
 * for real time to pass.
 */
@FunctionalInterface
public interface Delays {
    /** Runs {@code task} once, {@code delay} from now, on some other thread. */
    void after(Duration delay, Runnable task);

    /** @return delays backed by {@code scheduler} */
    static Delays of(ScheduledExecutorService scheduler) {
        return (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}

package fr.vigie.hub.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count. Thread-safe and cheap to increment from hot paths. */
public final class Counter {
    private final LongAdder value = new LongAdder();

    Counter() {
    }

    /** Adds one. */
    public void increment() {
        value.increment();
    }

    /**
     * Adds {@code n}.
     *
     * @throws IllegalArgumentException when {@code n} is negative: counters never go down
     */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter only goes up, got " + n);
        }
        value.add(n);
    }

    /** The current count. */
    public long get() {
        return value.sum();
    }
}

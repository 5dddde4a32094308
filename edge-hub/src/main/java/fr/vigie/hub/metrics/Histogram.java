package fr.vigie.hub.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram with fixed upper bounds: observations are counted in the first bucket whose
 * bound is at least the value, and exposed cumulatively with {@code _sum} and {@code _count}.
 * Thread-safe.
 */
public final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(double... bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one observation. */
    public void observe(double value) {
        int i = Arrays.binarySearch(bounds, value);
        int index = i >= 0 ? i : -i - 1;
        if (index < buckets.length) {
            buckets[index].increment();
        }
        sum.add(value);
        count.increment();
    }

    double[] bounds() {
        return bounds.clone();
    }

    /** Cumulative counts per bound, in bound order (the +Inf bucket is {@link #count()}). */
    long[] cumulativeCounts() {
        long[] out = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            out[i] = running;
        }
        return out;
    }

    /** Sum of all observations. */
    public double sum() {
        return sum.sum();
    }

    /** Number of observations. */
    public long count() {
        return count.sum();
    }
}

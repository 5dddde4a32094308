package fr.vigie.system.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples. Immutable. */
record Percentiles(double[] sorted) {
    static Percentiles of(double[] samples) {
        double[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) by nearest rank; NaN when there are no samples. */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}

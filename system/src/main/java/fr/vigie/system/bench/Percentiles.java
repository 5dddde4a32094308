package fr.vigie.system.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of samples: the one percentile helper of every benchmark
 * ({@code ./vigie bench …}). Immutable.
 *
 * <pre>{@code
 * Percentiles p = Percentiles.of(millis);
 * out.printf("p50 %.1f ms, p99 %.1f ms%n", p.at(50), p.at(99));
 * }</pre>
 */
public record Percentiles(double[] sorted) {
    /** Sorts a copy of {@code samples}. */
    public static Percentiles of(double[] samples) {
        double[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) by nearest rank; NaN when there are no samples. */
    public double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}

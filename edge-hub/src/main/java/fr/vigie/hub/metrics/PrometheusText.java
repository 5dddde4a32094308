package fr.vigie.hub.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes metric families in the Prometheus text exposition format, version 0.0.4. Stateless. */
final class PrometheusText {
    /** The media type of the exposition. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String write(List<MetricsRegistry.Family> families) {
        StringBuilder out = new StringBuilder(4096);
        for (MetricsRegistry.Family f : families) {
            out.append("# HELP ").append(f.name()).append(' ').append(escapeHelp(f.help())).append('\n');
            if (f instanceof MetricsRegistry.CounterFamily c) {
                out.append("# TYPE ").append(c.name()).append(" counter\n");
                for (Map.Entry<String, Counter> e : new TreeMap<>(c.byLabel()).entrySet()) {
                    out.append(c.name());
                    if (c.label() != null) {
                        out.append('{').append(c.label()).append("=\"").append(escapeLabel(e.getKey())).append("\"}");
                    }
                    out.append(' ').append(e.getValue().get()).append('\n');
                }
            } else if (f instanceof MetricsRegistry.GaugeFamily g) {
                out.append("# TYPE ").append(g.name()).append(" gauge\n");
                out.append(g.name()).append(' ').append(number(read(g))).append('\n');
            } else if (f instanceof MetricsRegistry.HistogramFamily h) {
                out.append("# TYPE ").append(h.name()).append(" histogram\n");
                Histogram histogram = h.histogram();
                double[] bounds = histogram.bounds();
                long[] cumulative = histogram.cumulativeCounts();
                for (int i = 0; i < bounds.length; i++) {
                    out.append(h.name()).append("_bucket{le=\"").append(number(bounds[i])).append("\"} ")
                            .append(cumulative[i]).append('\n');
                }
                // count and buckets are read one after the other; never let +Inf fall below the last bucket
                long count = Math.max(histogram.count(), cumulative[cumulative.length - 1]);
                out.append(h.name()).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
                out.append(h.name()).append("_sum ").append(number(histogram.sum())).append('\n');
                out.append(h.name()).append("_count ").append(count).append('\n');
            }
        }
        return out.toString();
    }

    private static double read(MetricsRegistry.GaugeFamily gauge) {
        try {
            return gauge.value().getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN; // e.g. the database is down: the scrape itself must still work
        }
    }

    /** A sample value: integers without a fraction, others in plain decimal notation. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}

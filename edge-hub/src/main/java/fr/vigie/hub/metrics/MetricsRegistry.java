package fr.vigie.hub.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Holds the hub's metrics in registration order and writes them in the Prometheus text format.
 * Registration happens while the hub is wired; updates and scrapes may then come from any thread.
 *
 * <pre>{@code
 * MetricsRegistry registry = new MetricsRegistry();
 * Counter stored = registry.counter("vigie_ingest_events_stored_total", "Events stored for the first time.");
 * stored.add(500);
 * String text = registry.scrape();
 * }</pre>
 */
public final class MetricsRegistry {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** One registered metric family. */
    sealed interface Family permits CounterFamily, GaugeFamily, HistogramFamily {
        String name();

        String help();
    }

    record CounterFamily(String name, String help, String label, Map<String, Counter> byLabel) implements Family {
    }

    record GaugeFamily(String name, String help, DoubleSupplier value) implements Family {
    }

    record HistogramFamily(String name, String help, Histogram histogram) implements Family {
    }

    private final List<Family> families = new ArrayList<>();

    /** Registers an unlabelled counter. */
    public synchronized Counter counter(String name, String help) {
        Counter c = new Counter();
        add(new CounterFamily(name, help, null, Map.of("", c)));
        return c;
    }

    /**
     * Registers a counter with one label whose possible values are all known up front, so that every
     * series is exported from the start, at zero.
     */
    public synchronized Map<String, Counter> labelledCounter(String name, String help, String label,
            List<String> values) {
        requireName(label);
        Map<String, Counter> byLabel = new LinkedHashMap<>();
        values.forEach(v -> byLabel.put(v, new Counter()));
        add(new CounterFamily(name, help, label, Map.copyOf(byLabel)));
        return Map.copyOf(byLabel);
    }

    /** Registers a gauge read from {@code value} at each scrape. */
    public synchronized void gauge(String name, String help, DoubleSupplier value) {
        add(new GaugeFamily(name, help, value));
    }

    /** Registers a histogram with the given increasing bucket upper bounds. */
    public synchronized Histogram histogram(String name, String help, double... bounds) {
        Histogram h = new Histogram(bounds);
        add(new HistogramFamily(name, help, h));
        return h;
    }

    /** The exposition of every metric, in the Prometheus text format 0.0.4. */
    public String scrape() {
        List<Family> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(families);
        }
        return PrometheusText.write(snapshot);
    }

    private void add(Family family) {
        requireName(family.name());
        if (families.stream().anyMatch(f -> f.name().equals(family.name()))) {
            throw new IllegalArgumentException("metric " + family.name() + " is already registered");
        }
        families.add(family);
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid Prometheus name: '" + name + "'");
        }
    }
}

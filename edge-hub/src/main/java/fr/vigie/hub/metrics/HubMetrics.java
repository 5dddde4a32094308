package fr.vigie.hub.metrics;

import fr.vigie.protocol.ProtocolError;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The hub's named metrics, held by the Prometheus Java client in a registry of their own (never the
 * client's global default registry: several hubs may share a JVM in tests). Ingest updates them; the
 * {@code /metrics} endpoint serves {@link #scrape()} in the Prometheus text format 0.0.4. Thread-safe.
 *
 * <pre>
 * vigie_ingest_events_stored_total                 counter   events stored for the first time
 * vigie_ingest_events_duplicate_total              counter   events whose id was already stored
 * vigie_ingest_messages_rejected_total{code="…"}   counter   one series per ProtocolError code, all from zero
 * vigie_ingest_status_updates_total                counter   kiosk status messages applied
 * vigie_ingest_commit_failures_total               counter   batch commits that failed and were retried
 * vigie_ingest_acks_dropped_total                  counter   acknowledgements not sent (connection changed)
 * vigie_ingest_batch_commit_seconds                histogram time to write and commit one batch
 * vigie_ingest_batch_messages                      histogram messages per committed batch
 * vigie_ingest_queue_depth                         gauge     messages received, waiting for the writer
 * vigie_ingest_connected                           gauge     1 when ingest is connected to the broker
 * vigie_devices_known                              gauge     kiosks in the device registry
 * vigie_devices_online                             gauge     kiosks currently considered online
 * vigie_gam_waiting                                gauge     messages of the GAM feed waiting to be sent
 * vigie_gam_failed                                 gauge     messages of the GAM feed the GAM refused, waiting for IT
 * </pre>
 *
 * <pre>{@code
 * HubMetrics metrics = new HubMetrics();
 * metrics.eventsStored().inc(500);
 * metrics.gauge("vigie_devices_online", "Kiosks considered online now.", devices::online);
 * String text = metrics.scrape();
 * }</pre>
 */
public final class HubMetrics {
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();
    /** Media type of {@link #scrape()}: {@code text/plain; version=0.0.4; charset=utf-8}. */
    public static final String CONTENT_TYPE = TEXT.getContentType();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter stored;
    private final Counter duplicates;
    private final Map<ProtocolError, CounterDataPoint> rejected = new EnumMap<>(ProtocolError.class);
    private final Counter statusUpdates;
    private final Counter commitFailures;
    private final Counter acksDropped;
    private final Histogram commitSeconds;
    private final Histogram batchMessages;

    public HubMetrics() {
        stored = counter("vigie_ingest_events_stored_total", "Events stored for the first time.");
        duplicates = counter("vigie_ingest_events_duplicate_total",
                "Events received again after their id was already stored (redelivery or republish).");
        Counter byCode = Counter.builder().name("vigie_ingest_messages_rejected_total")
                .help("Messages rejected and quarantined, by protocol error code.").labelNames("code").register(registry);
        for (ProtocolError code : ProtocolError.values()) {
            byCode.initLabelValues(code.name()); // every series is exported from the start, at zero
            rejected.put(code, byCode.labelValues(code.name()));
        }
        statusUpdates = counter("vigie_ingest_status_updates_total", "Kiosk status messages applied.");
        commitFailures = counter("vigie_ingest_commit_failures_total", "Batch commits that failed and were retried.");
        acksDropped = counter("vigie_ingest_acks_dropped_total",
                "Acknowledgements not sent because the broker connection changed; the broker delivers those again.");
        commitSeconds = histogram("vigie_ingest_batch_commit_seconds", "Time to write and commit one ingest batch, in seconds.",
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
        batchMessages = histogram("vigie_ingest_batch_messages", "Messages per committed ingest batch.",
                1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000);
    }

    public Counter eventsStored() {
        return stored;
    }

    public Counter eventsDuplicate() {
        return duplicates;
    }

    /** The series of {@code vigie_ingest_messages_rejected_total} for {@code code}. */
    public CounterDataPoint rejected(ProtocolError code) {
        return rejected.get(code);
    }

    public Counter statusUpdates() {
        return statusUpdates;
    }

    public Counter commitFailures() {
        return commitFailures;
    }

    public Counter acksDropped() {
        return acksDropped;
    }

    public Histogram batchCommitSeconds() {
        return commitSeconds;
    }

    public Histogram batchMessages() {
        return batchMessages;
    }

    /**
     * Registers a gauge (e.g. {@code vigie_devices_online}) read from {@code value} at each scrape. A value
     * that cannot be read (the database is down) is exported as NaN: the scrape itself still works.
     */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(read(value))).register(registry);
    }

    /** Every metric in the Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            TEXT.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }

    private Histogram histogram(String name, String help, double... upperBounds) {
        return Histogram.builder().name(name).help(help).classicOnly().classicUpperBounds(upperBounds).register(registry);
    }

    private static double read(DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}

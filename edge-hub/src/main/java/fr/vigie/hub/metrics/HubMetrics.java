package fr.vigie.hub.metrics;

import fr.vigie.protocol.ProtocolError;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The hub's named metrics, registered in one {@link MetricsRegistry}. Ingest updates them; the
 * {@code /metrics} endpoint scrapes {@link #scrape()}. Thread-safe.
 *
 * <pre>
 * vigie_ingest_events_stored_total                 counter   events stored for the first time
 * vigie_ingest_events_duplicate_total              counter   events whose id was already stored
 * vigie_ingest_messages_rejected_total{code="…"}   counter   one series per ProtocolError code
 * vigie_ingest_status_updates_total                counter   kiosk status messages applied
 * vigie_ingest_commit_failures_total               counter   batch commits that failed and were retried
 * vigie_ingest_acks_dropped_total                  counter   acknowledgements not sent (connection changed)
 * vigie_ingest_batch_commit_seconds                histogram time to write and commit one batch
 * vigie_ingest_batch_messages                      histogram messages per committed batch
 * vigie_ingest_queue_depth                         gauge     messages received, waiting for the writer
 * vigie_ingest_connected                           gauge     1 when ingest is connected to the broker
 * vigie_devices_known                              gauge     kiosks in the device registry
 * vigie_devices_online                             gauge     kiosks currently considered online
 * </pre>
 */
public final class HubMetrics {
    /** Media type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

    private final MetricsRegistry registry = new MetricsRegistry();
    private final Counter stored;
    private final Counter duplicates;
    private final Map<ProtocolError, Counter> rejected = new EnumMap<>(ProtocolError.class);
    private final Counter statusUpdates;
    private final Counter commitFailures;
    private final Counter acksDropped;
    private final Histogram commitSeconds;
    private final Histogram batchMessages;

    public HubMetrics() {
        stored = registry.counter("vigie_ingest_events_stored_total", "Events stored for the first time.");
        duplicates = registry.counter("vigie_ingest_events_duplicate_total",
                "Events received again after their id was already stored (redelivery or republish).");
        Map<String, Counter> byCode = registry.labelledCounter("vigie_ingest_messages_rejected_total",
                "Messages rejected and quarantined, by protocol error code.", "code",
                Arrays.stream(ProtocolError.values()).map(Enum::name).toList());
        for (ProtocolError code : ProtocolError.values()) {
            rejected.put(code, byCode.get(code.name()));
        }
        statusUpdates = registry.counter("vigie_ingest_status_updates_total", "Kiosk status messages applied.");
        commitFailures = registry.counter("vigie_ingest_commit_failures_total",
                "Batch commits that failed and were retried.");
        acksDropped = registry.counter("vigie_ingest_acks_dropped_total",
                "Acknowledgements not sent because the broker connection changed; the broker delivers those again.");
        commitSeconds = registry.histogram("vigie_ingest_batch_commit_seconds",
                "Time to write and commit one ingest batch, in seconds.",
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
        batchMessages = registry.histogram("vigie_ingest_batch_messages", "Messages per committed ingest batch.",
                1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000);
    }

    public Counter eventsStored() {
        return stored;
    }

    public Counter eventsDuplicate() {
        return duplicates;
    }

    public Counter rejected(ProtocolError code) {
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

    /** Registers a gauge (e.g. {@code vigie_devices_online}) computed at each scrape. */
    public void gauge(String name, String help, DoubleSupplier value) {
        registry.gauge(name, help, value);
    }

    /** Every metric in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}

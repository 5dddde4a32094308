package fr.vigie.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.ProtocolError;
import fr.vigie.testing.MetricsExposition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code /metrics} exposes, read back by parsing the exposition (not by comparing bytes). */
class HubMetricsTest {
    private final HubMetrics metrics = new HubMetrics();

    private MetricsExposition scraped() {
        return MetricsExposition.parse(metrics.scrape());
    }

    @Test
    void everyMetricKeepsTheNameTypeAndHelpItAlwaysHad() {
        metrics.gauge("vigie_devices_known", "Kiosks in the device registry.", () -> 3);

        MetricsExposition m = scraped();

        Map<String, String> types = Map.of("vigie_ingest_events_stored_total", "counter",
                "vigie_ingest_events_duplicate_total", "counter", "vigie_ingest_messages_rejected_total", "counter",
                "vigie_ingest_status_updates_total", "counter", "vigie_ingest_commit_failures_total", "counter",
                "vigie_ingest_acks_dropped_total", "counter", "vigie_ingest_batch_commit_seconds", "histogram",
                "vigie_ingest_batch_messages", "histogram", "vigie_devices_known", "gauge");
        types.forEach((name, type) -> assertEquals(type, m.type(name), name));
        assertEquals("Events stored for the first time.", m.help().get("vigie_ingest_events_stored_total"));
        assertEquals("Messages rejected and quarantined, by protocol error code.",
                m.help().get("vigie_ingest_messages_rejected_total"));
        assertEquals("Time to write and commit one ingest batch, in seconds.",
                m.help().get("vigie_ingest_batch_commit_seconds"));
        assertEquals("Kiosks in the device registry.", m.help().get("vigie_devices_known"));
        assertEquals("text/plain; version=0.0.4; charset=utf-8", HubMetrics.CONTENT_TYPE);
    }

    @Test
    void countersCountWhatIngestAdds() {
        metrics.eventsStored().inc(5);
        metrics.eventsStored().inc();
        metrics.acksDropped().inc();

        MetricsExposition m = scraped();

        assertEquals(6, m.value("vigie_ingest_events_stored_total"));
        assertEquals(0, m.value("vigie_ingest_events_duplicate_total"));
        assertEquals(1, m.value("vigie_ingest_acks_dropped_total"));
        assertThrows(IllegalArgumentException.class, () -> metrics.eventsStored().inc(-1), "a counter only goes up");
    }

    @Test
    void everyRejectionCodeIsExportedFromZeroAndCountedOnItsOwnSeries() {
        metrics.rejected(ProtocolError.MALFORMED_JSON).inc();
        metrics.rejected(ProtocolError.MALFORMED_JSON).inc();

        MetricsExposition m = scraped();

        for (ProtocolError code : ProtocolError.values()) {
            double expected = code == ProtocolError.MALFORMED_JSON ? 2 : 0;
            assertEquals(expected, m.value("vigie_ingest_messages_rejected_total{code=\"" + code + "\"}"), code.name());
        }
    }

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        metrics.batchMessages().observe(1);
        metrics.batchMessages().observe(7);
        metrics.batchMessages().observe(10);
        metrics.batchMessages().observe(20_000);

        MetricsExposition m = scraped();

        assertEquals(1, m.value(bucket(m, "vigie_ingest_batch_messages", 1)));
        assertEquals(3, m.value(bucket(m, "vigie_ingest_batch_messages", 10)));
        assertEquals(3, m.value(bucket(m, "vigie_ingest_batch_messages", 10_000)));
        assertEquals(4, m.value("vigie_ingest_batch_messages_bucket{le=\"+Inf\"}"));
        assertEquals(4, m.value("vigie_ingest_batch_messages_count"));
        assertEquals(20_018, m.value("vigie_ingest_batch_messages_sum"));
        assertEquals(0, m.value("vigie_ingest_batch_commit_seconds_count"));
    }

    @Test
    void aGaugeThatCannotBeReadIsNaNAndTheScrapeStillWorks() {
        metrics.gauge("vigie_devices_online", "Kiosks considered online now.", () -> 2);
        metrics.gauge("vigie_devices_known", "Kiosks in the device registry.", () -> {
            throw new IllegalStateException("database down");
        });

        MetricsExposition m = scraped();

        assertEquals(2, m.value("vigie_devices_online"));
        assertTrue(Double.isNaN(m.value("vigie_devices_known")));
    }

    @Test
    void aNameIsRegisteredOnce() {
        metrics.gauge("vigie_devices_online", "Online.", () -> 1);
        assertThrows(IllegalArgumentException.class, () -> metrics.gauge("vigie_devices_online", "Again.", () -> 2));
    }

    /** The bucket series whose {@code le} is {@code bound}, however the writer prints the number. */
    private static String bucket(MetricsExposition m, String family, double bound) {
        return m.samples().keySet().stream().filter(s -> s.startsWith(family + "_bucket{le=\"") && !s.contains("+Inf"))
                .filter(s -> Double.parseDouble(s.substring(s.indexOf('"') + 1, s.lastIndexOf('"'))) == bound)
                .findFirst().orElseThrow(() -> new AssertionError("no bucket le=" + bound + " in " + family));
    }
}

package fr.vigie.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.ProtocolError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void counterIsWrittenWithHelpAndType() {
        MetricsRegistry r = new MetricsRegistry();
        r.counter("vigie_things_total", "Things counted.").add(42);

        assertEquals("# HELP vigie_things_total Things counted.\n"
                + "# TYPE vigie_things_total counter\n"
                + "vigie_things_total 42\n", r.scrape());
    }

    @Test
    void labelledCounterExportsEveryValueFromZeroSortedAndEscaped() {
        MetricsRegistry r = new MetricsRegistry();
        Map<String, Counter> byCode = r.labelledCounter("x_total", "X.", "code", List.of("b", "a\"q\\\n"));
        byCode.get("b").increment();

        assertEquals("# HELP x_total X.\n# TYPE x_total counter\n"
                + "x_total{code=\"a\\\"q\\\\\\n\"} 0\n"
                + "x_total{code=\"b\"} 1\n", r.scrape());
    }

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        MetricsRegistry r = new MetricsRegistry();
        Histogram h = r.histogram("commit_seconds", "Commit time.", 0.25, 1, 2);
        h.observe(0.125);
        h.observe(0.25);
        h.observe(0.5);
        h.observe(3);

        assertEquals("# HELP commit_seconds Commit time.\n# TYPE commit_seconds histogram\n"
                + "commit_seconds_bucket{le=\"0.25\"} 2\n"
                + "commit_seconds_bucket{le=\"1\"} 3\n"
                + "commit_seconds_bucket{le=\"2\"} 3\n"
                + "commit_seconds_bucket{le=\"+Inf\"} 4\n"
                + "commit_seconds_sum 3.875\n"
                + "commit_seconds_count 4\n", r.scrape());
    }

    @Test
    void gaugeThatCannotBeReadIsNaNAndTheScrapeStillWorks() {
        MetricsRegistry r = new MetricsRegistry();
        r.gauge("ok", "Fine.", () -> 3);
        r.gauge("broken", "Database down.", () -> {
            throw new IllegalStateException("down");
        });

        String text = r.scrape();
        assertTrue(text.contains("\nok 3\n"), text);
        assertTrue(text.contains("\nbroken NaN\n"), text);
    }

    @Test
    void namesAreCheckedAndUnique() {
        MetricsRegistry r = new MetricsRegistry();
        assertThrows(IllegalArgumentException.class, () -> r.counter("bad-name", "x"));
        r.counter("dup_total", "x");
        assertThrows(IllegalArgumentException.class, () -> r.counter("dup_total", "x"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("neg_total", "x").add(-1));
    }

    @Test
    void hubMetricsExportEveryRejectionCodeAndTheRequiredNames() {
        HubMetrics m = new HubMetrics();
        m.rejected(ProtocolError.MALFORMED_JSON).increment();
        m.eventsStored().add(5);
        m.gauge("vigie_devices_online", "Online.", () -> 2);
        m.gauge("vigie_devices_known", "Known.", () -> 3);

        String text = m.scrape();
        for (ProtocolError code : ProtocolError.values()) {
            assertTrue(text.contains("vigie_ingest_messages_rejected_total{code=\"" + code + "\"} "), code.name());
        }
        assertTrue(text.contains("vigie_ingest_messages_rejected_total{code=\"MALFORMED_JSON\"} 1\n"), text);
        assertTrue(text.contains("\nvigie_ingest_events_stored_total 5\n"), text);
        assertTrue(text.contains("\nvigie_ingest_events_duplicate_total 0\n"), text);
        assertTrue(text.contains("# TYPE vigie_ingest_batch_commit_seconds histogram\n"), text);
        assertTrue(text.contains("\nvigie_devices_online 2\n"), text);
        assertTrue(text.contains("\nvigie_devices_known 3\n"), text);
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("0.0025", PrometheusText.number(0.0025));
        assertEquals("10", PrometheusText.number(10));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
    }
}

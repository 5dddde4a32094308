/**
 * The hub's metrics ({@link fr.vigie.hub.metrics.HubMetrics}) through the Prometheus Java client
 * ({@code io.prometheus:prometheus-metrics-core}): counters, one labelled counter, gauges read at each scrape
 * and classic histograms, exposed at {@code /metrics} by the client's text format writer (0.0.4).
 *
 * <p>Everything here is thread-safe: ingest threads update, the HTTP thread scrapes.
 */
package fr.vigie.hub.metrics;

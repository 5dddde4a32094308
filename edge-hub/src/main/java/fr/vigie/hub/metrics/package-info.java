/**
 * A tiny metrics registry for the hub (counters, labelled counters, gauges, histograms) and its
 * Prometheus text exposition. No third-party metrics library: the hub exports a dozen series and
 * writes them by hand in the 0.0.4 text format served at {@code /metrics}.
 *
 * <p>Everything here is thread-safe: ingest threads update, the HTTP thread scrapes.
 */
package fr.vigie.hub.metrics;

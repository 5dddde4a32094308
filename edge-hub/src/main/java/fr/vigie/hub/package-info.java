/**
 * The Vigie edge hub: its configuration ({@link fr.vigie.hub.HubConfig}), its composition root
 * ({@link fr.vigie.hub.EdgeHub}, which wires database, broker, ingest and HTTP with plain constructors)
 * and its command-line entry point ({@link fr.vigie.hub.HubMain}).
 *
 * <p>Sub-packages: {@code db} (PostgreSQL, migrations, event store and queries), {@code broker}
 * (embedded HiveMQ), {@code ingest} (MQTT client and batch writer), {@code device} (registry and the
 * online rule), {@code metrics} (Prometheus exposition) and {@code web} (REST API and IT console).
 */
package fr.vigie.hub;

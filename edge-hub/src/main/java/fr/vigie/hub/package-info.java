/**
 * The Vigie edge hub: its configuration ({@link fr.vigie.hub.HubConfig}), its composition root
 * ({@link fr.vigie.hub.EdgeHub}, which wires database, broker, ingest and HTTP with plain constructors)
 * and its command-line entry point ({@link fr.vigie.hub.HubMain}).
 *
 * <p>Sub-packages: {@code db} (PostgreSQL, migrations, event store and queries), {@code broker}
 * (embedded HiveMQ), {@code ingest} (MQTT client and batch writer), {@code device} (registry and the
 * online rule), {@code metrics} (Prometheus exposition), {@code web} (REST API and IT console), {@code identity}
 * (the identity registry), {@code gam} (the identity feed to the hospital's GAM, HL7 PAM over MLLP) and {@code fhir}
 * (the FHIR R4 read API for site applications), among others.
 */
package fr.vigie.hub;

/**
 * The Vigie edge hub: its configuration ({@link fr.vigie.hub.HubConfig}, with the gateways' typed
 * {@code hub.insi.*}, {@code hub.psc.*} and {@code hub.apcv.*} settings in {@link fr.vigie.hub.GatewaySettings};
 * every key described once in {@link fr.vigie.hub.HubSettingsCatalogue}, the keys the reader accepts and the source
 * of {@code docs/SETTINGS.md} and {@code vigie hub settings}),
 * its composition root ({@link fr.vigie.hub.EdgeHub}, which starts its package-private parts with plain
 * constructors: {@code HubFoundation}, {@code HubRegistries}, {@code KioskServices} with {@code HubGateways},
 * {@code HubServers}, {@code HubIngest}) and its command-line entry point ({@link fr.vigie.hub.HubMain}, whose
 * {@link fr.vigie.hub.HubMain#run} the sandbox launcher reuses). Production wiring only: no simulator.
 *
 * <p>Sub-packages: {@code db} (PostgreSQL, migrations, event store and queries), {@code broker}
 * (embedded HiveMQ), {@code ingest} (MQTT client and batch writer), {@code device} (registry and the
 * online rule), {@code metrics} (Prometheus exposition), {@code web} (REST API and IT console), {@code identity}
 * (the identity registry), {@code gam} (the identity feed to the hospital's GAM, HL7 PAM over MLLP) and {@code fhir}
 * (the FHIR R4 read API for site applications), {@code backup} (the encrypted backup archive; {@code HubBackup},
 * {@code HubRestore} and {@code HubMaintenanceCommand} here are {@code vigie hub backup} and {@code restore}), among
 * others.
 */
package fr.vigie.hub;

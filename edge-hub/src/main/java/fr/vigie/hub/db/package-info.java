/**
 * The hub's PostgreSQL: starting the embedded server or connecting to an external one
 * ({@link fr.vigie.hub.db.HubDatabase}), Flyway migrations, the batch writer of ingest
 * ({@link fr.vigie.hub.db.EventStore}) and the event queries behind the REST API
 * ({@link fr.vigie.hub.db.EventQuery}), and the sealing of what the site's hubs store there but must not keep
 * in clear ({@link fr.vigie.hub.db.DataSeal}), and the dump and restore of backups with {@code pg_dump} and
 * {@code pg_restore} ({@link fr.vigie.hub.db.DatabaseDump}).
 *
 * <p>The embedded server keeps its data under the hub's data directory between runs and recovers
 * from a hub that was killed (an orphaned or stale postmaster is dealt with before start). Nobody
 * connects to it without the hub's secrets: SCRAM passwords over the loopback only, no Unix socket,
 * a generated superuser password, and the hub's own non-superuser role {@code vigie_hub} owning the
 * schema; a cluster of an earlier hub that trusted local connections is closed at start.
 */
package fr.vigie.hub.db;

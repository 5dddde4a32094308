/**
 * The hub's backup archive: one file, encrypted and authenticated, written and read as a stream.
 *
 * <ul>
 * <li>{@link fr.vigie.hub.backup.HubArchive}: creates an archive ({@code <file>.partial}, mode 600, renamed
 * when complete) and reads one back entry by entry;</li>
 * <li>format: a header (magic {@code VIGIE-HUB-BACKUP}, version 1, Argon2id parameters and salt, a key check
 * value), then AES-256-GCM chunks of 64 KiB whose nonce is their index and whose additional data is the header
 * and a last-chunk flag: a wrong passphrase, a changed, reordered or appended chunk and a cut archive are each
 * refused with their own {@link fr.vigie.hub.backup.BackupRefused.Code};</li>
 * <li>{@link fr.vigie.hub.backup.ArchiveEntry}: what is inside (manifest, data-directory files with their mode,
 * the CA passphrase file, the settings file, the {@code pg_dump});</li>
 * <li>{@link fr.vigie.hub.backup.BackupRetention}: names of the daily backups and the pruning that keeps the
 * newest.</li>
 * </ul>
 *
 * What goes into an archive and how it is restored is decided by {@code fr.vigie.hub.HubBackup} and
 * {@code fr.vigie.hub.HubRestore}; the database part by {@link fr.vigie.hub.db.DatabaseDump}.
 */
package fr.vigie.hub.backup;

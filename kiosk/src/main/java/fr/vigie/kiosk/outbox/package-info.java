/**
 * The kiosk's durable outbox: every event the kiosk accepts is committed to a local SQLite file
 * ({@link fr.vigie.kiosk.outbox.Outbox}) before it counts as accepted, and stays there until the
 * broker has acknowledged it. The outbox, not the MQTT client, is the source of truth for what is
 * still to be sent.
 *
 * <p>Failures carry a stable {@link fr.vigie.kiosk.outbox.OutboxError} code: a full outbox is a
 * checked {@link fr.vigie.kiosk.outbox.OutboxFullException} the caller must handle; a missing,
 * locked, corrupt or failing file is an unchecked {@link fr.vigie.kiosk.outbox.OutboxException}
 * that names the file.
 */
package fr.vigie.kiosk.outbox;

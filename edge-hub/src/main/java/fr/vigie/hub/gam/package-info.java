/**
 * The identity feed to the hospital's patient administration system (GAM): HL7 v2.5 messages as IHE PAM and its
 * French national extension ask (ADT^A28 created, A31 changed, A40 merged, A47 INS changed;
 * {@link fr.vigie.hub.gam.PamMessages}, built and parsed with HAPI), written to a PostgreSQL outbox in the
 * transaction of the registry change they report ({@link fr.vigie.hub.gam.GamChanges},
 * {@link fr.vigie.hub.gam.GamOutbox}), and sent over MLLP (TCP or TLS) in order per patient, with retries and
 * acknowledgement handling ({@link fr.vigie.hub.gam.GamFeed}). Settings: {@link fr.vigie.hub.gam.GamSettings}
 * ({@code hub.gam.*}); REST routes: {@link fr.vigie.hub.gam.GamRoutes}. Entry point:
 * {@link fr.vigie.hub.gam.GamLink}. Nothing here logs a message's text or a matricule: messages are logged by id and
 * control id.
 */
package fr.vigie.hub.gam;

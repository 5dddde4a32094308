/**
 * The identity registry: patients' local identity records in PostgreSQL (strict traits, INS and its
 * history, RNIV status and attributes, the documents checked and by whom, who and when), status changes
 * through {@link fr.vigie.hub.identity.rniv.RnivTransitions} only, the duplicate/collision detection that
 * raises {@link fr.vigie.hub.identity.VigilanceFlag}s for the identity-vigilance cell, and the
 * {@link fr.vigie.hub.identity.SamePerson} rule that decides whether an INSi or ApCV answer may touch a
 * record ({@link fr.vigie.hub.identity.Adoption}); a VALI or QUAL record changes only when an admin accepts
 * a {@link fr.vigie.hub.identity.ChangeRequest}. An INS enters a record only through
 * {@link fr.vigie.hub.identity.IdentityRegistry#adopt}, with an answer the hub itself obtained. The
 * identity-vigilance cell merges a probable duplicate ({@link fr.vigie.hub.identity.IdentityRegistry#merge}, never
 * automatic); the merged record stays, inactive. Every change is told, inside its transaction, to the
 * {@link fr.vigie.hub.identity.IdentityChanges} the registry was built with (the GAM feed's outbox).
 * Entry point: {@link fr.vigie.hub.identity.IdentityRegistry}. Nothing here logs a full matricule;
 * records are logged by id.
 */
package fr.vigie.hub.identity;

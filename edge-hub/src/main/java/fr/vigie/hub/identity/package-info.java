/**
 * The identity registry: patients' local identity records in PostgreSQL (strict traits, INS and its
 * history, RNIV status and attributes, the document checked, who and when), status changes through
 * {@link fr.vigie.protocol.identity.RnivTransitions} only, and the duplicate/collision detection that
 * raises {@link fr.vigie.hub.identity.VigilanceFlag}s for the identity-vigilance cell.
 * Entry point: {@link fr.vigie.hub.identity.IdentityRegistry}. Nothing here logs a full matricule;
 * records are logged by id.
 */
package fr.vigie.hub.identity;

/**
 * Fleet management on the hub: the configuration-signing key ({@link fr.vigie.hub.fleet.ConfigSigningKey},
 * never exported, encrypted at rest under the site CA passphrase), signed configuration rollouts to
 * device groups with live progress per kiosk ({@link fr.vigie.hub.fleet.ConfigRollouts}), remote
 * commands with request id and reply ({@link fr.vigie.hub.fleet.Commands}) and device groups
 * ({@link fr.vigie.hub.fleet.Groups}), wired by {@link fr.vigie.hub.fleet.Fleet}. Every admin action is
 * written to the audit log in the same transaction as its effect.
 */
package fr.vigie.hub.fleet;

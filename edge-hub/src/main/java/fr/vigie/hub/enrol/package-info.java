/**
 * Enrolment and the life of device certificates on the hub: {@link fr.vigie.hub.enrol.Enrolments}
 * (requests, IT approval or bootstrap tokens, issuance with the first signed configuration, renewal,
 * revocation; PostgreSQL and audit log; a share of the open endpoint per source address,
 * {@link fr.vigie.hub.enrol.EnrolmentLimits}; several keys waiting for one kiosk id as a conflict IT
 * resolves), its device API routes
 * ({@link fr.vigie.hub.enrol.EnrolmentDeviceRoutes}), its REST routes for IT
 * ({@link fr.vigie.hub.enrol.EnrolmentAdminRoutes}) and the configuration signing key
 * ({@link fr.vigie.hub.fleet.ConfigSigningKey}, shared with the configuration rollout).
 */
package fr.vigie.hub.enrol;

/**
 * Identity qualification at admission, on the hub: {@link fr.vigie.hub.admission.AdmissionService}
 * runs INSi (Vitale card or typed traits) and ApCV verification and feeds the identity registry
 * (RECUP, QUAL), {@link fr.vigie.hub.admission.AdmissionDeviceRoutes} serves it to kiosks on the
 * device API to admission desks for their proven agent only ({@link fr.vigie.hub.agent}),
 * {@link fr.vigie.hub.admission.ApcvVerifier} checks ApCV tokens (format documented
 * there), {@link fr.vigie.hub.admission.Prescriptions} lists the e-prescriptions attached to a
 * patient's visits. INSi is not called when a matching record is DOUT or FICT; an answer goes to the
 * registry's same-person rule. Outcomes that are not an identity are
 * {@link fr.vigie.hub.admission.AdmissionRejection}s with stable codes (an answer not applied carries an
 * {@link fr.vigie.hub.admission.IdentityComparison}); every step is audited with the kiosk and the agent.
 * No full matricule, token or trait value reaches a log.
 */
package fr.vigie.hub.admission;

/**
 * The enrolment protocol's security, on the hub's side of the device API (whose messages are
 * {@link fr.vigie.protocol.device.EnrolmentRequest} and {@link fr.vigie.protocol.device.EnrolmentResult}):
 * the check that a request's CSR matches its kiosk and the code on its screen
 * ({@link fr.vigie.provisioning.enrolment.EnrolmentChecks}), the codes as people type them
 * ({@link fr.vigie.provisioning.enrolment.EnrolmentCodes}), and one-time
 * {@link fr.vigie.provisioning.enrolment.BootstrapTokens} kept hashed in a
 * {@link fr.vigie.provisioning.enrolment.BootstrapTokenStore}. The HTTPS transport lives in the hub and the
 * kiosk.
 */
package fr.vigie.provisioning.enrolment;

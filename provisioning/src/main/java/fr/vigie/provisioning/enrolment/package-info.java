/**
 * The enrolment protocol's messages, for both ends: the kiosk's
 * {@link fr.vigie.provisioning.enrolment.EnrolmentRequest}, IT's
 * {@link fr.vigie.provisioning.enrolment.EnrolmentDecision}, the
 * {@link fr.vigie.provisioning.enrolment.EnrolmentResult} (chain and first signed configuration),
 * their strict JSON ({@link fr.vigie.provisioning.enrolment.EnrolmentJson}), and one-time
 * {@link fr.vigie.provisioning.enrolment.BootstrapTokens} kept hashed in a
 * {@link fr.vigie.provisioning.enrolment.BootstrapTokenStore}. The HTTPS transport lives in the
 * hub and the kiosk.
 */
package fr.vigie.provisioning.enrolment;

/**
 * The kiosk's enrolment and certificate life: {@link fr.vigie.kiosk.enrol.DeviceEnrolment} (CSR,
 * bootstrap token or IT approval, certificate, pinned configuration key, first configuration),
 * {@link fr.vigie.kiosk.enrol.EnrolmentState} for the screen (code and QR payload; a rejected or superseded
 * request is shown, then the kiosk asks again after a back-off), and
 * {@link fr.vigie.kiosk.enrol.CertificateRenewal} (renewal at two thirds of the lifetime, and the
 * {@code rotate-cert} command).
 */
package fr.vigie.kiosk.enrol;

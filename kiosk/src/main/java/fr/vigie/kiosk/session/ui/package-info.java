/**
 * The clinician sign-in screens on the kiosk's local UI ({@link fr.vigie.kiosk.ui}):
 * {@link fr.vigie.kiosk.session.ui.SessionUi} follows a {@link fr.vigie.kiosk.session.ClinicianSession}
 * (idle, card, PIN pad, verifying, open — with the time left waiting for Pro Santé Connect and the choice to go
 * on with the card alone —, locked — asking a colleague who tapped after their re-authentication window to
 * insert their card —, refused) and
 * {@link fr.vigie.kiosk.session.ui.PhoneApproval} is the e-CPS binding-message screen the CIBA flow
 * drives. Texts in {@code i18n/session_fr.properties} and {@code _en}.
 */
package fr.vigie.kiosk.session.ui;

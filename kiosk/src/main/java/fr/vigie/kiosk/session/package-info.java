/**
 * The kiosk's clinician session: the {@link fr.vigie.kiosk.session.ClinicianSession} state machine
 * (sign-in with a contact CPS and its PIN, locking, nomadic re-authentication by contactless tap,
 * fast switching between clinicians), its ports ({@link fr.vigie.kiosk.session.CardAuthenticator},
 * {@link fr.vigie.kiosk.session.SessionSink}, {@link fr.vigie.kiosk.session.SessionTimers},
 * {@link fr.vigie.kiosk.session.CertificateCheck}) and their production implementations over the
 * hardware card layer, with {@link fr.vigie.kiosk.session.CardReaderInputs} turning reader events
 * into session inputs. {@link fr.vigie.kiosk.session.ClinicianSession#signWithSessionCard} has the card
 * that opened a session with its PIN sign a challenge chosen by the hub (the agent proof of an admission
 * desk).
 *
 * <p>Every transition is a {@code session.transition} event with a stable
 * {@link fr.vigie.kiosk.session.SessionReason}. No PIN, token or key ever reaches an event or a log:
 * the PIN is handed as a {@code char[]} straight to the card and wiped.
 */
package fr.vigie.kiosk.session;

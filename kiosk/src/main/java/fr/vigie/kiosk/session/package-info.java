/**
 * The kiosk's clinician session: sign-in with a contact CPS and its PIN, locking, nomadic
 * re-authentication by contactless tap, fast switching between clinicians, and the session's link with
 * Pro Santé Connect (e-CPS sign-in, PSC tokens bound to card sessions).
 *
 * <h2>Parts</h2>
 * <ul>
 * <li>{@link fr.vigie.kiosk.session.ClinicianSession} — the public face and coordinator: takes every
 *     input, runs it as one step under the session's lock, asks the card questions between steps.
 * <li>{@code SessionStateMachine} — the lock state machine: the session in front and the locked ones of other
 *     clinicians parked behind it (fast user switching: a colleague's sign-in keeps the first session locked,
 *     its grace period running), states and transitions; {@code ForegroundTimers} — the PIN entry, idle,
 *     presence and grace timers of the session in front; {@code SessionOutputs} — the sink, LED, buzzer
 *     and listeners every transition goes to.
 * <li>{@code CardSignIn} — the card inputs: contact card in and out, the PIN's verdict, taps checked
 *     against the clinician's {@code ReauthWindow}, the card that may sign for an open session.
 * <li>{@code PscBinding} — the Pro Santé Connect side: when a session asks PSC through the
 *     {@link fr.vigie.kiosk.session.PscLink} ({@link fr.vigie.kiosk.session.PscConnector}, CIBA through
 *     the hub), how long a card session waits for it (the time left is in the view; the clinician may go on
 *     with the card alone at once), and what bound tokens, refusals, the end of the wait and an unreachable
 *     hub do to it.
 * <li>Ports and their production implementations: {@link fr.vigie.kiosk.session.CardAuthenticator}
 *     ({@link fr.vigie.kiosk.session.CpsCardAuthenticator}), {@link fr.vigie.kiosk.session.SessionSink},
 *     {@link fr.vigie.kiosk.session.SessionTimers}, {@link fr.vigie.kiosk.session.CertificateCheck}
 *     ({@link fr.vigie.kiosk.session.IgcSanteCertificateCheck}); {@link fr.vigie.kiosk.session.CardReaderInputs}
 *     turns reader events into session inputs.
 * </ul>
 * <h2>Who is signed in, and how</h2>
 * {@link fr.vigie.kiosk.session.ClinicianSession#view()} is the one place to read it: the session in front
 * (only it is ever shown), its clinician, its {@link fr.vigie.kiosk.session.SessionAuthentication}
 * (card + PIN, contactless tap within the re-authentication window, e-CPS) and whether Pro Santé Connect
 * confirmed it ({@link fr.vigie.kiosk.session.SessionView#pscConnected()}; a card session is card only until
 * then). A feature that needs PSC checks that, and never assumes it from a card sign-in.
 *
 * {@link fr.vigie.kiosk.session.ClinicianSession#signWithSessionCard} has the card that opened a session
 * with its PIN sign a challenge chosen by the hub (the agent proof of an admission desk).
 *
 * <h2>Concurrency: one lock, one owner</h2>
 * Inputs arrive from the reader, presence sensor, UI, timer and PSC threads. {@code ClinicianSession} owns
 * the session's only lock (a {@code ReentrantLock}) and runs each input — and each read of the state — as
 * one <em>step</em> under it; the {@code SessionTimers} it hands the machine run their tasks as steps too.
 * Everything below it ({@code SessionStateMachine}, {@code ForegroundTimers}, {@code CardSignIn},
 * {@code PscBinding}, {@code ReauthWindow}, {@code SessionRecord}) is plain single-threaded code: no
 * {@code synchronized}, no {@code volatile}, never called outside a step. Nothing slow runs in a step:
 * <ul>
 * <li>card I/O (PIN verification, proof of the holder, signature for the hub) runs between two steps — the
 *     first takes a {@code CardClaim}, the second uses the card's answer only if the claim still holds
 *     (same session in front, no transition since), else drops it (e.g. the card was pulled out meanwhile);
 * <li>network calls to the hub run on {@code PscConnector}'s executor; under the lock a step only hands
 *     them over through the {@code PscLink}.
 * </ul>
 * Under the lock a step calls out only to the {@code SessionSink}, the LED and buzzer and the listeners,
 * which must be quick and must not call back into the session on that thread, and to the {@code PscLink},
 * which only hands the work over (the lock is reentrant, so a link that runs it in place, as tests do, may
 * call back).
 *
 * <p>Every transition is a {@code session.transition} event with a stable
 * {@link fr.vigie.kiosk.session.SessionReason}. No PIN, token or key ever reaches an event or a log:
 * the PIN is handed as a {@code char[]} straight to the card and wiped.
 */
package fr.vigie.kiosk.session;

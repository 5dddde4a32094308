package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Pro Santé Connect side of the clinician session: when a session asks PSC (through the {@link PscLink},
 * i.e. {@link PscConnector} and the hub's CIBA), and what each answer does to the session it is for.
 * <ul>
 * <li>A contact CPS + PIN sign-in opens the session at once, even offline, then asks PSC on the card: bound
 *     tokens connect it, an unreachable hub leaves it open offline, a refusal leaves it open unconnected.
 *     The kiosk waits for PSC until the request expires ({@link #CARD_WAIT} until the hub says when), showing
 *     the time left (the listeners are told every second); then the session goes on with the card alone
 *     ({@link SessionReason#PSC_TIMED_OUT}). The clinician may {@linkplain #continueWithCard go on with the card
 *     alone} at once: PSC is then no longer asked, and a late answer is dropped — the session stays card only
 *     rather than be upgraded behind the clinician's back.
 * <li>An e-CPS sign-in (no card) opens only when PSC binds tokens after the clinician approved on their
 *     phone; a refusal, an expiry or an unreachable hub refuses it.
 * <li>Token binding: the kiosk checks the idNat_PS of bound tokens itself. Tokens of another professional
 *     than the one who signed in refuse the session and close that idNat_PS's re-authentication window.
 * </ul>
 * Answers for a session that ended, or was already refused, change nothing.
 *
 * <p>Not thread-safe, by design: {@link ClinicianSession} calls it under the session's lock; the
 * {@link PscLink} only hands the work to another thread.
 */
final class PscBinding {
    /** How long a card session waits for PSC before the hub says when its request expires (PSC's usual 120 s). */
    static final Duration CARD_WAIT = Duration.ofSeconds(120);
    /** The longest wait the kiosk accepts from the hub's expiry. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** How often the time left is redrawn, and the end of the wait checked. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final SessionStateMachine machine;
    private final ReauthWindow window;
    private final PscLink link;
    private final SessionTimers timers;
    private final Clock clock;

    PscBinding(SessionStateMachine machine, ReauthWindow window, PscLink link, SessionTimers timers, Clock clock) {
        this.machine = machine;
        this.window = window;
        this.link = link;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * A contact CPS + PIN sign-in opened {@code a}: ask PSC, unless it is connected or being asked already, and
     * wait for it at most {@link #CARD_WAIT} (or until the hub's request expires).
     */
    void cardSignedIn(SessionRecord a) {
        // a kiosk without a hub (PscLink.NONE) never asks PSC, and says nothing about it
        PscView.Status s = a.psc.status();
        if (link != PscLink.NONE && (s == PscView.Status.NOT_ASKED || s == PscView.Status.OFFLINE
                || s == PscView.Status.CARD_ONLY)) {
            a.psc = PscParts.connecting(a.psc);
            a.pscWaitUntil = clock.instant().plus(CARD_WAIT);
            tick(a);
            link.cardSignedIn(a.id, a.idNatPs); // last: a link that answers in place may end the wait
        }
    }

    /** The hub started the card session {@code sessionId}'s request, which expires {@code expiresAt}. */
    void cardRequestExpires(String sessionId, Instant expiresAt) {
        SessionRecord a = live(sessionId);
        if (a == null || a.pscWaitUntil == null) {
            return;
        }
        Instant now = clock.instant();
        Instant latest = now.plus(LONGEST_WAIT);
        a.pscWaitUntil = expiresAt.isBefore(now) ? now : expiresAt.isAfter(latest) ? latest : expiresAt;
        machine.redraw();
    }

    /**
     * The clinician of the open card session in front chose to go on with the card alone: PSC is no longer
     * waited for nor asked; its late answers are dropped.
     *
     * @return false if no card session in front was waiting for PSC
     */
    boolean continueWithCard() {
        SessionRecord a = machine.foreground();
        if (a == null || a.holder == null || a.state != SessionState.OPEN
                || a.psc.status() != PscView.Status.CONNECTING) {
            return false;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.CARD_ONLY);
        a.endPscWait();
        machine.activity();
        machine.note(a, SessionReason.PSC_CARD_ONLY);
        return true;
    }

    /** Every {@link #TICK} while card session {@code a} waits for PSC: the time left moves, or the wait ends. */
    private void tick(SessionRecord a) {
        a.pscTick = timers.schedule(TICK, () -> {
            a.pscTick = null;
            if (live(a.id) != a || a.pscWaitUntil == null) {
                return;
            }
            if (clock.instant().isBefore(a.pscWaitUntil)) {
                if (a == machine.foreground()) {
                    machine.redraw();
                }
                tick(a);
                return;
            }
            a.psc = PscParts.withStatus(a.psc, PscView.Status.NOT_CONNECTED);
            a.endPscWait();
            machine.note(a, SessionReason.PSC_TIMED_OUT);
        });
    }

    /** Starts an e-CPS sign-in when nobody is signed in or the session is locked; its session id, or empty. */
    Optional<String> phoneSignInStarted(String idNatPs) {
        return machine.cardlessSignIn(idNatPs, PscParts.connecting(PscView.NONE)).map(a -> a.id);
    }

    /** The hub started the e-CPS sign-in: show its binding message. */
    void phoneBinding(String sessionId, String bindingMessage) {
        SessionRecord a = machine.find(sessionId);
        if (a != null && a == machine.foreground() && a.holder == null && a.state == SessionState.VERIFYING) {
            a.psc = PscParts.binding(a.psc, bindingMessage);
            machine.transition(a, SessionState.AWAITING_PHONE, SessionReason.ECPS_BINDING);
        }
    }

    /** PSC tokens were bound on the hub; the kiosk checks the professional once more. */
    void bound(String sessionId, CibaState.Bound bound) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        if (!bound.who().idNatPs().equals(a.idNatPs)) {
            refused(sessionId, PscParts.SUBJECT_MISMATCH);
            return;
        }
        a.psc = PscParts.connected(bound);
        a.endPscWait();
        if (a.state == SessionState.AWAITING_PHONE) {
            machine.signedIn(a, SessionAuthentication.ECPS, SessionReason.ECPS_APPROVED);
        } else {
            machine.note(a, SessionReason.PSC_CONNECTED);
        }
    }

    /** PSC or the hub refused with {@code code}: a mismatch refuses the session, the rest depends on the path. */
    void refused(String sessionId, String code) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.NOT_CONNECTED);
        a.endPscWait();
        if (PscParts.SUBJECT_MISMATCH.equals(code)) {
            window.close(a.idNatPs);
            machine.refuse(a, SessionReason.PSC_SUBJECT_MISMATCH);
        } else if (a.waitingForPhone()) {
            machine.transition(a, SessionState.REFUSED, PscParts.phoneReason(code));
        } else {
            machine.note(a, SessionReason.PSC_NOT_CONNECTED);
        }
    }

    /** The hub or PSC cannot be reached: a card session goes on offline, an e-CPS sign-in cannot. */
    void unavailable(String sessionId) {
        SessionRecord a = live(sessionId);
        if (a == null) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.OFFLINE);
        a.endPscWait();
        if (a.waitingForPhone()) {
            machine.transition(a, SessionState.REFUSED, SessionReason.HUB_UNREACHABLE);
        } else {
            machine.note(a, SessionReason.PSC_OFFLINE);
        }
    }

    /** Whether {@code sessionId} still waits for PSC (so that polling goes on). */
    boolean awaiting(String sessionId) {
        SessionRecord a = machine.find(sessionId);
        return a != null && a.state != SessionState.REFUSED && a.state != SessionState.CLOSED
                && a.psc.status() == PscView.Status.CONNECTING;
    }

    /** The clinician chose exercice {@code index} of the open session's PSC exercices; false if there is none. */
    boolean chooseExercice(int index) {
        SessionRecord a = machine.foreground();
        if (a == null || a.state != SessionState.OPEN || a.psc.status() != PscView.Status.CONNECTED
                || index < 0 || index >= a.psc.exercices().size()) {
            return false;
        }
        a.psc = PscParts.chosen(a.psc, index);
        machine.activity();
        machine.note(a, SessionReason.EXERCICE_CHOSEN);
        link.exerciceChosen(a.id, index);
        return true;
    }

    /**
     * Session {@code sessionId} if it is still there, not refused, and still waiting for PSC, else null: an
     * answer for a session that stopped waiting (card alone chosen, wait over) changes nothing.
     */
    private SessionRecord live(String sessionId) {
        SessionRecord a = machine.find(sessionId);
        return a == null || a.state == SessionState.REFUSED || a.psc.status() != PscView.Status.CONNECTING ? null
                : a;
    }
}

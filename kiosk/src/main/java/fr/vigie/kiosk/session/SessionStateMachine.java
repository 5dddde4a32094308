package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.kiosk.session.SessionTimers.Timer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock state machine of the kiosk's clinician sessions: the session in front of the kiosk and the
 * locked one waiting behind a sign-in under way (parked), their {@link SessionState}s and the transitions
 * between them, with the {@link ForegroundTimers} of the session in front (PIN entry, idle lock, presence
 * lock, grace period of a locked session). Every change goes to the {@link SessionOutputs}.
 * {@link CardSignIn} (cards, PIN, taps) and {@link PscBinding} (Pro Santé Connect, e-CPS) drive it.
 *
 * <p>Not thread-safe, by design: {@link ClinicianSession} runs each input as one step under the session's
 * lock and gives this machine {@link SessionTimers} whose tasks take that lock too (see the package
 * documentation). Card I/O never runs here: a step takes a {@link #claim}, the card answers outside the
 * lock, and a later step uses the answer only if the claim {@linkplain #holds still holds}.
 */
final class SessionStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStateMachine.class);

    private final Supplier<String> ids;
    private final SessionOutputs out;
    private final ForegroundTimers foreground;

    private SessionRecord current;
    private SessionRecord parked;
    private Timer parkedGrace;
    /** Counts transitions, so that a card's late answer can tell that the machine moved on. */
    private long generation;
    private SessionReason lastReason;
    private String refusalDetail;

    SessionStateMachine(SessionTimeouts timeouts, Clock clock, SessionTimers timers, Supplier<String> ids,
            SessionOutputs out) {
        this.ids = ids;
        this.foreground = new ForegroundTimers(timeouts, clock, timers, new Expiry());
        this.out = out;
        out.signal(SessionState.IDLE, SessionState.IDLE, null);
    }

    /** The session in front of the kiosk, or null. */
    SessionRecord foreground() {
        return current;
    }

    /** Session {@code sessionId} if it is in front or parked, else null (it ended). */
    SessionRecord find(String sessionId) {
        if (current != null && current.id.equals(sessionId)) {
            return current;
        }
        return parked != null && parked.id.equals(sessionId) ? parked : null;
    }

    SessionState state() {
        return current == null ? SessionState.IDLE : current.state;
    }

    /** What the kiosk shows now; {@code pinTriesLeft} comes from the card side. */
    SessionView view(int pinTriesLeft) {
        SessionRecord a = current;
        return new SessionView(state(), a == null ? null : a.id, a == null ? null : a.holder, lastReason,
                pinTriesLeft, state() == SessionState.REFUSED ? refusalDetail : null, a == null ? null : a.idNatPs,
                a == null ? PscView.NONE : a.psc);
    }

    // Starting, ending and switching sessions.

    /**
     * The session a card sign-in of {@code holder} goes on with: the one in front if it is theirs, else a
     * new one — a locked session of someone else is parked behind it, and comes back if the sign-in fails.
     */
    SessionRecord cardSignIn(CpsHolder holder) {
        if (current != null && current.state == SessionState.LOCKED && !current.idNatPs.equals(holder.idNatPs())) {
            park();
        }
        if (current == null) {
            current = new SessionRecord(ids.get(), holder);
        }
        return current;
    }

    /** A sign-in without a card (e-CPS) for {@code idNatPs}, if nobody is signed in or the session is locked. */
    Optional<SessionRecord> cardlessSignIn(String idNatPs, PscView psc) {
        if (current != null && current.state != SessionState.LOCKED) {
            return Optional.empty();
        }
        if (current != null) {
            park();
        }
        current = new SessionRecord(ids.get(), null, idNatPs);
        current.psc = psc;
        transition(current, SessionState.VERIFYING, SessionReason.ECPS_REQUESTED);
        return Optional.of(current);
    }

    /** The sign-in of {@code a} succeeded: it opens, and the session it parked (if any) closes. */
    void signedIn(SessionRecord a, SessionReason reason) {
        transition(a, SessionState.OPEN, reason);
        if (parked != null) {
            close(parked, SessionReason.REAUTH_SWITCH);
        }
    }

    /** {@code holder} took over from {@code a} (a tap in their window): {@code a} closes, theirs opens. */
    void switchTo(SessionRecord a, CpsHolder holder) {
        close(a, SessionReason.REAUTH_SWITCH);
        current = new SessionRecord(ids.get(), holder);
        transition(current, SessionState.OPEN, SessionReason.REAUTH_SWITCH);
    }

    /** {@code a} is refused: in front it waits for a dismissal or the card's removal; parked it closes. */
    void refuse(SessionRecord a, SessionReason reason) {
        if (a == current) {
            transition(a, SessionState.REFUSED, reason);
        } else {
            close(a, reason);
        }
    }

    /** Refuses {@code a}, the session in front, with a short secret-free {@code detail} for the screen. */
    void refuse(SessionRecord a, SessionReason reason, String detail) {
        transition(a, SessionState.REFUSED, reason);
        refusalDetail = detail;
    }

    /** The clinician signed out: an open or locked session closes. */
    void logout() {
        if (current != null && (current.state == SessionState.OPEN || current.state == SessionState.LOCKED)) {
            close(current, SessionReason.LOGOUT);
        }
    }

    /** A refusal was dismissed, or an e-CPS sign-in waiting for the phone cancelled: that session closes. */
    void dismiss() {
        if (current != null && (current.state == SessionState.REFUSED || current.waitingForPhone())) {
            close(current, SessionReason.DISMISSED);
        }
    }

    // Presence and activity.

    /** The presence sensor changed; nobody for {@link SessionTimeouts#presenceLock()} locks. */
    void presence(PresenceChange change) {
        foreground.presence(change, current != null && current.state == SessionState.OPEN ? current : null);
    }

    /** Someone used the kiosk: the idle timeout of an open session starts again. */
    void activity() {
        if (current != null && current.state == SessionState.OPEN) {
            foreground.activity();
        }
    }

    /** Locks an open session idle for {@link SessionTimeouts#idleLock()}, or checks again when it would be. */
    void idleTick() {
        if (current != null && current.state == SessionState.OPEN && foreground.idleLongEnough(current)) {
            transition(current, SessionState.LOCKED, SessionReason.IDLE_TIMEOUT);
        }
    }

    /** A refusal that changes no state: the buzzer only. */
    void refusalBeep() {
        out.refuseBeep();
    }

    // Card answers outside the lock.

    /** A claim for a card question asked now on behalf of the session in front. */
    CardClaim claim(CardAuthenticator card) {
        return new CardClaim(current, card, generation);
    }

    /** Whether nothing moved since {@code claim} was taken: same session in front, no transition since. */
    boolean holds(CardClaim claim) {
        return claim.generation() == generation && claim.session() == current;
    }

    // Transitions.

    /** Moves {@code a} to {@code to}: recorded, signalled, its timers set, listeners told. */
    void transition(SessionRecord a, SessionState to, SessionReason reason) {
        SessionState from = a.state;
        a.state = to;
        generation++;
        lastReason = reason;
        refusalDetail = null;
        LOG.info("session {}: {} -> {} ({})", a.id, from, to, reason);
        out.emit(a, from, to, reason);
        if (a == current) {
            foreground.entered(a, from, to);
        }
        if (to != SessionState.CLOSED) {
            out.signal(state(), to, reason);
        }
        out.changed();
    }

    /** Records an event about {@code a} that does not change its state (PSC connected, exercice chosen…). */
    void note(SessionRecord a, SessionReason reason) {
        LOG.info("session {}: {} ({})", a.id, a.state, reason);
        if (a == current) {
            lastReason = reason;
        }
        out.emit(a, a.state, a.state, reason);
        out.changed();
    }

    /** Ends {@code a}; if it was in front, the session it parked (if any) comes back in front. */
    void close(SessionRecord a, SessionReason reason) {
        transition(a, SessionState.CLOSED, reason);
        if (a == current) {
            foreground.cancelAll();
            current = parked;
            foreground.grace(parkedGrace);
            parked = null;
            parkedGrace = null;
        } else if (a == parked) {
            if (parkedGrace != null) {
                parkedGrace.cancel();
            }
            parked = null;
            parkedGrace = null;
        }
        out.signal(state(), SessionState.CLOSED, reason);
    }

    /** The locked session in front steps behind a sign-in; its grace period runs on. */
    private void park() {
        parked = current;
        parkedGrace = foreground.takeGrace();
        current = null;
    }

    /** What the timers of the session in front do when due: check that it is still there, then act. */
    private final class Expiry implements ForegroundTimers.Expiry {
        @Override
        public void pinEntryExpired(SessionRecord a) {
            if (a == current && a.state == SessionState.PIN_ENTRY) {
                transition(a, SessionState.REFUSED, SessionReason.PIN_ENTRY_TIMEOUT);
            }
        }

        @Override
        public void idleCheck(SessionRecord a) {
            if (a == current) {
                idleTick();
            }
        }

        @Override
        public void presenceCheck(SessionRecord a) {
            if (a == current && a.state == SessionState.OPEN && foreground.nobodyLongEnough(a)) {
                transition(a, SessionState.LOCKED, SessionReason.WALKED_AWAY);
            }
        }

        @Override
        public void graceExpired(SessionRecord a) {
            if (a.state == SessionState.LOCKED && (a == current || a == parked)) {
                close(a, SessionReason.GRACE_EXPIRED);
            }
        }
    }
}

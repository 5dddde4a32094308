package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.kiosk.session.SessionTimers.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock state machine of the kiosk's clinician sessions: the session in front of the kiosk and the
 * locked ones of other clinicians waiting behind it (parked), their {@link SessionState}s and the transitions
 * between them, with the {@link ForegroundTimers} of the session in front (PIN entry, idle lock, presence
 * lock, grace period of a locked session). Every change goes to the {@link SessionOutputs}.
 * {@link CardSignIn} (cards, PIN, taps) and {@link PscBinding} (Pro Santé Connect, e-CPS) drive it.
 *
 * <p>Fast user switching: when another clinician signs in (card and PIN, or a tap within their
 * re-authentication window) over a locked session, that session is parked, still locked, and its grace period
 * runs on; the newcomer's own session opens in front (their parked one if they have one). A parked session
 * comes back in front, locked, when the session in front ends, or when its clinician signs in again. At most
 * one session per clinician; only the session in front is ever shown.
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

    /** A locked session waiting behind the one in front, with its grace timer. */
    private record Parked(SessionRecord session, Timer grace) {
    }

    private final Clock clock;
    private SessionRecord current;
    /** Locked sessions behind the one in front, the most recently parked last. Empty when none is in front. */
    private final List<Parked> parked = new ArrayList<>();
    /** Who tapped this locked workstation after their re-authentication window (shown until the next move). */
    private CpsHolder cardNeeded;
    /** Counts transitions, so that a card's late answer can tell that the machine moved on. */
    private long generation;
    private SessionReason lastReason;
    private String refusalDetail;

    SessionStateMachine(SessionTimeouts timeouts, Clock clock, SessionTimers timers, Supplier<String> ids,
            SessionOutputs out) {
        this.ids = ids;
        this.clock = clock;
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
        return parked.stream().map(Parked::session).filter(p -> p.id.equals(sessionId)).findFirst().orElse(null);
    }

    /** The locked session of {@code idNatPs} parked behind the one in front, or null. */
    private Parked parkedOf(String idNatPs) {
        return parked.stream().filter(p -> p.session.idNatPs.equals(idNatPs)).findFirst().orElse(null);
    }

    SessionState state() {
        return current == null ? SessionState.IDLE : current.state;
    }

    /** What the kiosk shows now; {@code pinTriesLeft} comes from the card side. */
    SessionView view(int pinTriesLeft) {
        SessionRecord a = current;
        if (a == null) {
            return new SessionView(SessionState.IDLE, null, null, lastReason, pinTriesLeft, null, null, PscView.NONE,
                    null, null, null);
        }
        boolean signedIn = a.state == SessionState.OPEN || a.state == SessionState.LOCKED;
        Duration waitLeft = a.pscWaitUntil == null || a.psc.status() != PscView.Status.CONNECTING ? null
                : max0(Duration.between(clock.instant(), a.pscWaitUntil));
        return new SessionView(a.state, a.id, a.holder, lastReason, pinTriesLeft,
                a.state == SessionState.REFUSED ? refusalDetail : null, a.idNatPs, a.psc,
                signedIn ? a.authentication : null, waitLeft, a.state == SessionState.LOCKED ? cardNeeded : null);
    }

    private static Duration max0(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    // Starting, ending and switching sessions.

    /**
     * The session a card sign-in of {@code holder} goes on with: the one in front if it is theirs, else their
     * parked one, else a new one — a locked session of someone else is parked behind it (still locked, its grace
     * running), and comes back in front if the sign-in fails.
     */
    SessionRecord cardSignIn(CpsHolder holder) {
        if (current != null && current.state == SessionState.LOCKED && !current.idNatPs.equals(holder.idNatPs())) {
            park();
            unpark(holder.idNatPs());
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

    /**
     * The sign-in of {@code a} succeeded with {@code how}: it opens; the locked sessions parked behind it stay
     * locked, their grace periods running.
     */
    void signedIn(SessionRecord a, SessionAuthentication how, SessionReason reason) {
        a.authentication = how;
        transition(a, SessionState.OPEN, reason);
    }

    /**
     * {@code holder} tapped their card within their re-authentication window over {@code a}, another
     * clinician's session in front: {@code a} locks (if open) and is parked; {@code holder}'s own parked session
     * comes back open, or a new one opens for them.
     */
    void switchTo(SessionRecord a, CpsHolder holder) {
        if (a.state == SessionState.OPEN) {
            transition(a, SessionState.LOCKED, SessionReason.REAUTH_SWITCH);
        }
        park();
        if (unpark(holder.idNatPs())) {
            current.authentication = SessionAuthentication.CONTACTLESS_TAP;
            transition(current, SessionState.OPEN, SessionReason.REAUTH_SAME_CLINICIAN);
        } else {
            current = new SessionRecord(ids.get(), holder);
            current.authentication = SessionAuthentication.CONTACTLESS_TAP;
            transition(current, SessionState.OPEN, SessionReason.REAUTH_SWITCH);
        }
    }

    /** The clinician of the open session in front unlocked it by a tap within their window. */
    void unlockedByTap(SessionRecord a) {
        a.authentication = SessionAuthentication.CONTACTLESS_TAP;
        transition(a, SessionState.OPEN, SessionReason.REAUTH_SAME_CLINICIAN);
    }

    /**
     * {@code holder}, another clinician than the one whose session is locked in front, tapped their card after
     * their re-authentication window: the screen asks them to insert their card and type their PIN, until the
     * next move or the PIN entry time. The locked session does not change (no event: it was not its clinician).
     */
    void cardNeeded(CpsHolder holder) {
        cardNeeded = holder;
        LOG.info("session {}: another clinician tapped after their re-authentication window: card and PIN asked",
                current.id);
        out.refuseBeep();
        foreground.notice(current);
        out.changed();
    }

    /** Tells the screens to draw again (e.g. the time left while waiting for PSC): no transition, no event. */
    void redraw() {
        out.changed();
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
        cardNeeded = null;
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

    /** Ends {@code a}; if it was in front, the last session parked (if any) comes back in front, locked. */
    void close(SessionRecord a, SessionReason reason) {
        transition(a, SessionState.CLOSED, reason);
        a.endPscWait();
        if (a == current) {
            foreground.cancelAll();
            current = null;
            if (!parked.isEmpty()) {
                Parked back = parked.remove(parked.size() - 1);
                current = back.session;
                foreground.grace(back.grace);
            }
        } else {
            parked.removeIf(p -> {
                if (p.session != a) {
                    return false;
                }
                if (p.grace != null) {
                    p.grace.cancel();
                }
                return true;
            });
        }
        out.signal(state(), SessionState.CLOSED, reason);
    }

    /** The locked session in front steps behind another clinician's sign-in; its grace period runs on. */
    private void park() {
        parked.add(new Parked(current, foreground.takeGrace()));
        current = null;
    }

    /** Brings {@code idNatPs}'s parked session in front (nothing is there now); false if they have none. */
    private boolean unpark(String idNatPs) {
        Parked p = parkedOf(idNatPs);
        if (p == null) {
            return false;
        }
        parked.remove(p);
        current = p.session;
        foreground.grace(p.grace);
        return true;
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
            if (a.state == SessionState.LOCKED && (a == current || find(a.id) == a)) {
                close(a, SessionReason.GRACE_EXPIRED);
            }
        }

        @Override
        public void noticeExpired(SessionRecord a) {
            if (a == current && cardNeeded != null) {
                cardNeeded = null;
                out.changed();
            }
        }
    }
}

package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.gpio.Buzzer;
import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.hardware.gpio.StatusLed;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.session.SessionTimers.Timer;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinician session of one kiosk: contact CPS + PIN sign-in, locking (card removed, nobody in
 * front, idle), nomadic re-authentication and fast switching by contactless tap, closing after a
 * grace period. Every transition goes to the {@link SessionSink} with a {@link SessionReason}; the
 * status LED and the buzzer follow.
 *
 * <p>Thread-safe: inputs arrive from the reader, sensor, UI and timer threads and are applied one at
 * a time. Card I/O (PIN verification, challenge-response) runs outside the lock; its result is
 * dropped if anything changed meanwhile (e.g. the card was pulled out). The PIN is never stored: it
 * goes to the {@link CardAuthenticator} and the array is wiped before {@link #submitPin} returns.
 *
 * <pre>{@code
 * ClinicianSession session = ClinicianSession.builder(SessionTimeouts.from(settings), SessionSink.outboxOf(kiosk))
 *         .clock(clock).timers(SessionTimers.of(scheduler)).signals(board.statusLed(), board.buzzer()).build();
 * board.presenceSensor().addListener(session::presence);
 * session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT, authenticator));
 * session.submitPin(pinFromTouchscreen);   // wiped on return
 * }</pre>
 */
public final class ClinicianSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClinicianSession.class);

    private final SessionTimeouts timeouts;
    private final SessionSink sink;
    private final Clock clock;
    private final SessionTimers timers;
    private final SessionSignals signals;
    private final Supplier<String> ids;
    private final PscLink psc;
    private final Map<String, Instant> pinSignIns = new HashMap<>();
    private final ActiveTimers foreground = new ActiveTimers();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    private Active current;
    private Active parked;
    private Timer parkedGrace;
    private CardAuthenticator contactCard;
    private long generation;
    private Instant lastActivity;
    private Instant absentSince;
    private int pinTriesLeft = -1;
    private SessionReason lastReason;
    private String refusalDetail;

    private ClinicianSession(Builder b) {
        this.timeouts = b.timeouts;
        this.sink = b.sink;
        this.clock = b.clock;
        this.timers = b.timers;
        this.signals = new SessionSignals(b.led, b.buzzer);
        this.ids = b.ids;
        this.psc = b.psc;
        signals.follow(SessionState.IDLE, SessionState.IDLE, null);
    }

    /** @return a builder; clock, timers, LED, buzzer and session ids have defaults */
    public static Builder builder(SessionTimeouts timeouts, SessionSink sink) {
        return new Builder(timeouts, sink);
    }

    /** A contact card was inserted (contactless cards are {@linkplain #tap taps}). */
    public void cardInserted(PresentedCard card) {
        if (card.via() == PresentedCard.Interface.CONTACTLESS) {
            tap(card);
            return;
        }
        synchronized (this) {
            String who = card.holder().idNatPs();
            if (current != null && current.state != SessionState.OPEN && current.state != SessionState.LOCKED) {
                LOG.warn("contact card inserted while session {} is {}: ignored", current.id, current.state);
                return;
            }
            contactCard = card.authenticator();
            if (current != null && current.state == SessionState.OPEN) {
                if (current.idNatPs.equals(who)) {
                    current.contact = true;
                    return;
                }
                transition(current, SessionState.LOCKED, SessionReason.CARD_INSERTED);
            }
            if (current != null && current.state == SessionState.LOCKED && !current.idNatPs.equals(who)) {
                parked = current;
                parkedGrace = foreground.takeGrace();
                current = null;
            }
            if (current == null) {
                current = new Active(ids.get(), card.holder());
            }
            current.contact = true;
            pinTriesLeft = -1;
            transition(current, SessionState.CARD_DETECTED, SessionReason.CARD_INSERTED);
            transition(current, SessionState.PIN_ENTRY, SessionReason.PIN_REQUESTED);
        }
    }

    /**
     * The PIN typed on the touchscreen, for the contact card in the reader. The array is wiped before
     * this returns, whatever happens.
     *
     * @return the state after the verification
     */
    public SessionState submitPin(char[] pin) {
        try {
            Active a;
            CardAuthenticator card;
            long asked;
            synchronized (this) {
                if (current == null || current.state != SessionState.PIN_ENTRY || contactCard == null) {
                    LOG.info("PIN submitted while {}: ignored", state());
                    return state();
                }
                a = current;
                card = contactCard;
                transition(a, SessionState.VERIFYING, SessionReason.PIN_SUBMITTED);
                asked = generation;
            }
            Verification v = safely(() -> card.verifyPin(pin));
            synchronized (this) {
                if (asked == generation && a == current) {
                    pinVerified(a, v, card);
                } else {
                    LOG.info("PIN verification for session {} ended after the session moved on: dropped", a.id);
                }
                return state();
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private void pinVerified(Active a, Verification v, CardAuthenticator card) {
        switch (v.outcome()) {
            case OK -> {
                a.pinCard = card;
                Instant now = clock.instant();
                pinSignIns.values().removeIf(t -> Duration.between(t, now).compareTo(timeouts.reauthWindow()) > 0);
                pinSignIns.put(a.idNatPs, now);
                pinTriesLeft = -1;
                transition(a, SessionState.OPEN, SessionReason.PIN_OK);
                if (parked != null) {
                    close(parked, SessionReason.REAUTH_SWITCH);
                }
                // a kiosk without a hub (PscLink.NONE) never asks PSC, and says nothing about it
                if (psc != PscLink.NONE
                        && (a.psc.status() == PscView.Status.NOT_ASKED || a.psc.status() == PscView.Status.OFFLINE)) {
                    a.psc = PscParts.connecting(a.psc);
                    psc.cardSignedIn(a.id, a.idNatPs);
                }
            }
            case PIN_WRONG -> {
                pinTriesLeft = v.triesLeft();
                if (v.triesLeft() == 0) {
                    transition(a, SessionState.REFUSED, SessionReason.PIN_BLOCKED);
                } else {
                    transition(a, SessionState.PIN_ENTRY, SessionReason.PIN_WRONG);
                }
            }
            case PIN_FORMAT -> transition(a, SessionState.PIN_ENTRY, SessionReason.PIN_FORMAT);
            case PIN_BLOCKED -> {
                pinTriesLeft = 0;
                transition(a, SessionState.REFUSED, SessionReason.PIN_BLOCKED);
            }
            case CARD_ERROR -> refuse(a, SessionReason.CARD_ERROR, v);
            case CERTIFICATE_REJECTED -> refuse(a, SessionReason.CERTIFICATE_REJECTED, v);
        }
    }

    private void refuse(Active a, SessionReason reason, Verification v) {
        LOG.warn("session {} refused: {} ({})", a.id, reason, v.detail());
        transition(a, SessionState.REFUSED, reason);
        refusalDetail = v.detail();
    }

    /** The contact card left the reader: an open session locks at once, a sign-in under way ends. */
    public synchronized void cardRemoved() {
        contactCard = null;
        if (current == null) {
            return;
        }
        switch (current.state) {
            case OPEN -> {
                if (current.contact) {
                    transition(current, SessionState.LOCKED, SessionReason.CARD_REMOVED);
                }
            }
            case CARD_DETECTED, PIN_ENTRY, VERIFYING, REFUSED -> close(current, SessionReason.CARD_REMOVED);
            default -> {
            }
        }
        if (current != null) {
            current.contact = false;
        }
    }

    /**
     * A contactless tap: within the re-authentication window after that clinician's contact + PIN
     * sign-in it unlocks their locked session or switches to them; after it, card and PIN are needed.
     *
     * @return the state after the tap
     */
    public SessionState tap(PresentedCard card) {
        String who = card.holder().idNatPs();
        Active a;
        long asked;
        synchronized (this) {
            if (current == null || (current.state != SessionState.LOCKED && current.state != SessionState.OPEN)) {
                LOG.info("contactless tap while {}: ignored", state());
                return state();
            }
            boolean same = current.idNatPs.equals(who);
            if (same && current.state == SessionState.OPEN) {
                lastActivity = clock.instant();
                return state();
            }
            Instant signIn = pinSignIns.get(who);
            if (signIn == null || Duration.between(signIn, clock.instant()).compareTo(timeouts.reauthWindow()) > 0) {
                if (current.state == SessionState.LOCKED) {
                    transition(current, SessionState.LOCKED, SessionReason.REAUTH_WINDOW_EXPIRED);
                } else {
                    signals.refuse();
                }
                return state();
            }
            a = current;
            asked = generation;
        }
        Verification v = safely(card.authenticator()::proveHolder);
        synchronized (this) {
            if (asked != generation || a != current) {
                LOG.info("tap proof ended after session {} moved on: dropped", a.id);
            } else if (v.outcome() != Verification.Outcome.OK) {
                LOG.warn("contactless tap refused for session {}: {}", a.id, v.detail());
                signals.refuse();
            } else if (a.idNatPs.equals(who)) {
                transition(a, SessionState.OPEN, SessionReason.REAUTH_SAME_CLINICIAN);
            } else {
                close(a, SessionReason.REAUTH_SWITCH);
                current = new Active(ids.get(), card.holder());
                transition(current, SessionState.OPEN, SessionReason.REAUTH_SWITCH);
            }
            return state();
        }
    }

    /**
     * Whether the open session {@code sessionId} still has, in the reader, the contact card on which its
     * PIN was verified: the only card that may {@linkplain #signWithSessionCard sign for it}.
     */
    public synchronized boolean hasSessionCard(String sessionId) {
        return current != null && current.id.equals(sessionId) && current.state == SessionState.OPEN
                && current.pinCard != null && current.pinCard == contactCard;
    }

    /**
     * Has the card that opened the open session {@code sessionId} with its PIN sign {@code challenge} with
     * its authentication key: how the kiosk proves its agent to the hub (the challenge is the hub's nonce).
     * Only that card connection, still in the reader, may answer: a card tapped, or inserted again without
     * its PIN, may not. Card I/O runs outside the lock; the answer is dropped if the session moved on
     * meanwhile (locked, closed, card pulled out).
     *
     * @throws SessionCardException {@code ABSENT} when that card is not there for an open session,
     *     {@code FAILED} when it did not answer
     */
    public CardSignature signWithSessionCard(String sessionId, byte[] challenge) throws SessionCardException {
        Active a;
        CardAuthenticator card;
        long asked;
        synchronized (this) {
            if (!hasSessionCard(sessionId)) {
                throw new SessionCardException(SessionCardException.Reason.ABSENT, "session " + sessionId
                        + " is not open with the card its PIN was verified on");
            }
            a = current;
            card = contactCard;
            asked = generation;
        }
        CardSignature signature;
        try {
            signature = card.answerChallenge(challenge);
        } catch (CardOperationException | RuntimeException e) {
            LOG.warn("session {}: the card did not sign the hub's challenge: {}", a.id, e instanceof
                    CardOperationException c ? c.error() : e.getClass().getSimpleName());
            throw new SessionCardException(SessionCardException.Reason.FAILED, "the card did not sign: "
                    + (e instanceof CardOperationException c ? c.error() : e.getClass().getSimpleName()));
        }
        synchronized (this) {
            if (asked != generation || a != current || !hasSessionCard(sessionId)) {
                throw new SessionCardException(SessionCardException.Reason.ABSENT, "session " + sessionId
                        + " moved on while the card was signing");
            }
            return signature;
        }
    }

    /** The presence sensor changed; nobody for {@link SessionTimeouts#presenceLock()} locks. */
    public synchronized void presence(PresenceChange change) {
        if (change.present()) {
            absentSince = null;
            foreground.cancelPresence();
            return;
        }
        if (absentSince == null) {
            absentSince = change.at();
        }
        if (current != null && current.state == SessionState.OPEN) {
            schedulePresenceCheck(current);
        }
    }

    /** Someone used the touchscreen: the idle timeout starts again. */
    public synchronized void activity() {
        if (current != null && current.state == SessionState.OPEN) {
            lastActivity = clock.instant();
        }
    }

    /** Locks an open session idle for {@link SessionTimeouts#idleLock()}; timers call it, so may a UI. */
    public synchronized void idleTick() {
        if (current == null || current.state != SessionState.OPEN) {
            return;
        }
        Duration left = timeouts.idleLock().minus(Duration.between(lastActivity, clock.instant()));
        if (left.isZero() || left.isNegative()) {
            transition(current, SessionState.LOCKED, SessionReason.IDLE_TIMEOUT);
        } else {
            Active a = current;
            foreground.idle(timers.schedule(left, () -> idleCheck(a)));
        }
    }

    /** The clinician signed out: an open or locked session closes. */
    public synchronized void logout() {
        if (current != null && (current.state == SessionState.OPEN || current.state == SessionState.LOCKED)) {
            close(current, SessionReason.LOGOUT);
        }
    }

    /** @return the state of the session in front of the kiosk, {@link SessionState#IDLE} if none */
    public synchronized SessionState state() {
        return current == null ? SessionState.IDLE : current.state;
    }

    /** @return the session id in front of the kiosk, if any */
    public synchronized Optional<String> sessionId() {
        return Optional.ofNullable(current).map(a -> a.id);
    }

    /** @return the card holder in front of the kiosk, if any (none for an e-CPS session) */
    public synchronized Optional<CpsHolder> clinician() {
        return Optional.ofNullable(current).map(a -> a.holder);
    }

    /** @return the idNat_PS of the clinician in front of the kiosk (card or e-CPS), if any */
    public synchronized Optional<String> idNatPs() {
        return Optional.ofNullable(current).map(a -> a.idNatPs);
    }

    /** @return the session's link with Pro Santé Connect, for the screens */
    public synchronized PscView psc() {
        return current == null ? PscView.NONE : current.psc;
    }

    /** @return PIN tries left after a wrong PIN, -1 if unknown */
    public synchronized int pinTriesLeft() {
        return pinTriesLeft;
    }

    /** @return a consistent snapshot of what the kiosk should show now */
    public synchronized SessionView view() {
        return new SessionView(state(), current == null ? null : current.id, current == null ? null : current.holder,
                lastReason, pinTriesLeft, state() == SessionState.REFUSED ? refusalDetail : null,
                current == null ? null : current.idNatPs, current == null ? PscView.NONE : current.psc);
    }

    /**
     * Calls {@code listener} after every transition, under the session's lock: it must be quick and
     * must not call back into the session on that thread (e.g. have the screen re-read {@link #view}
     * on its own thread, as {@link fr.vigie.kiosk.ui.ScreenSlot#showLatest} does).
     */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void transition(Active a, SessionState to, SessionReason reason) {
        SessionState from = a.state;
        a.state = to;
        generation++;
        lastReason = reason;
        refusalDetail = null;
        LOG.info("session {}: {} -> {} ({})", a.id, from, to, reason);
        emit(a, from, to, reason);
        if (a == current) {
            entered(a, from, to);
        }
        if (to != SessionState.CLOSED) {
            signals.follow(state(), to, reason);
        }
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("session listener failed", e);
            }
        }
    }

    /** An event about the session that does not change its state (PSC connected, exercice chosen…). */
    private void note(Active a, SessionReason reason) {
        LOG.info("session {}: {} ({})", a.id, a.state, reason);
        if (a == current) {
            lastReason = reason;
        }
        emit(a, a.state, a.state, reason);
        notifyListeners();
    }

    private void emit(Active a, SessionState from, SessionState to, SessionReason reason) {
        try {
            sink.emit(new SessionTransition(a.id, from.name(), to.name(), reason.name(), a.idNatPs,
                    a.psc.exercice().map(CibaState.Exercice::label).orElse(null)));
        } catch (RuntimeException e) {
            LOG.error("session {}: transition {} -> {} not recorded", a.id, from, to, e);
        }
    }

    private void entered(Active a, SessionState from, SessionState to) {
        if (from == SessionState.PIN_ENTRY) {
            foreground.cancelPin();
        }
        switch (to) {
            case PIN_ENTRY -> foreground.pin(timers.schedule(timeouts.pinEntry(), () -> pinTimeout(a)));
            case OPEN -> {
                foreground.cancelGrace();
                lastActivity = clock.instant();
                foreground.idle(timers.schedule(timeouts.idleLock(), () -> idleCheck(a)));
                if (absentSince != null) {
                    schedulePresenceCheck(a);
                }
            }
            case LOCKED -> {
                foreground.cancelIdle();
                foreground.cancelPresence();
                if (from != SessionState.LOCKED) {
                    foreground.grace(timers.schedule(timeouts.lockGrace(), () -> graceExpired(a)));
                }
            }
            case CARD_DETECTED -> foreground.cancelGrace();
            case REFUSED -> {
                foreground.cancelIdle();
                foreground.cancelPresence();
                foreground.cancelGrace();
            }
            default -> {
            }
        }
    }

    private void close(Active a, SessionReason reason) {
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
        signals.follow(state(), SessionState.CLOSED, reason);
    }

    private synchronized void pinTimeout(Active a) {
        if (a == current && a.state == SessionState.PIN_ENTRY) {
            transition(a, SessionState.REFUSED, SessionReason.PIN_ENTRY_TIMEOUT);
        }
    }

    private synchronized void idleCheck(Active a) {
        if (a == current) {
            idleTick();
        }
    }

    private synchronized void graceExpired(Active a) {
        if (a.state == SessionState.LOCKED && (a == current || a == parked)) {
            close(a, SessionReason.GRACE_EXPIRED);
        }
    }

    private void schedulePresenceCheck(Active a) {
        Duration left = timeouts.presenceLock().minus(Duration.between(absentSince, clock.instant()));
        foreground.presence(timers.schedule(left.isNegative() ? Duration.ZERO : left, () -> presenceCheck(a)));
    }

    private synchronized void presenceCheck(Active a) {
        if (a != current || a.state != SessionState.OPEN || absentSince == null) {
            return;
        }
        if (Duration.between(absentSince, clock.instant()).compareTo(timeouts.presenceLock()) >= 0) {
            transition(a, SessionState.LOCKED, SessionReason.WALKED_AWAY);
        } else {
            schedulePresenceCheck(a);
        }
    }

    // Pro Santé Connect, driven by PscConnector off the lock.

    /** Starts an e-CPS sign-in when nobody is signed in or the session is locked; its session id, or empty. */
    synchronized Optional<String> phoneSignInStarted(String idNatPs) {
        if (current != null && current.state != SessionState.LOCKED) {
            return Optional.empty();
        }
        if (current != null) {
            parked = current;
            parkedGrace = foreground.takeGrace();
        }
        current = new Active(ids.get(), null, idNatPs);
        current.psc = PscParts.connecting(PscView.NONE);
        transition(current, SessionState.VERIFYING, SessionReason.ECPS_REQUESTED);
        return Optional.of(current.id);
    }

    /** The hub started the e-CPS sign-in: show its binding message. */
    synchronized void phoneBinding(String sessionId, String bindingMessage) {
        Active a = find(sessionId);
        if (a != null && a == current && a.holder == null && a.state == SessionState.VERIFYING) {
            a.psc = PscParts.binding(a.psc, bindingMessage);
            transition(a, SessionState.AWAITING_PHONE, SessionReason.ECPS_BINDING);
        }
    }

    /** PSC tokens were bound on the hub; the kiosk checks the professional once more. */
    synchronized void pscBound(String sessionId, CibaState.Bound bound) {
        Active a = find(sessionId);
        if (a == null || a.state == SessionState.REFUSED) {
            return;
        }
        if (!bound.who().idNatPs().equals(a.idNatPs)) {
            pscRefused(sessionId, PscParts.SUBJECT_MISMATCH);
            return;
        }
        a.psc = PscParts.connected(bound);
        if (a.state == SessionState.AWAITING_PHONE) {
            transition(a, SessionState.OPEN, SessionReason.ECPS_APPROVED);
            if (parked != null) {
                close(parked, SessionReason.REAUTH_SWITCH);
            }
        } else {
            note(a, SessionReason.PSC_CONNECTED);
        }
    }

    /** PSC or the hub refused with {@code code}: a mismatch refuses the session, the rest depends on the path. */
    synchronized void pscRefused(String sessionId, String code) {
        Active a = find(sessionId);
        if (a == null || a.state == SessionState.REFUSED) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.NOT_CONNECTED);
        if (PscParts.SUBJECT_MISMATCH.equals(code)) {
            pinSignIns.remove(a.idNatPs);
            if (a == current) {
                transition(a, SessionState.REFUSED, SessionReason.PSC_SUBJECT_MISMATCH);
            } else {
                close(a, SessionReason.PSC_SUBJECT_MISMATCH);
            }
        } else if (awaitingPhone(a)) {
            transition(a, SessionState.REFUSED, PscParts.phoneReason(code));
        } else {
            note(a, SessionReason.PSC_NOT_CONNECTED);
        }
    }

    /** The hub or PSC cannot be reached: a card session goes on offline, an e-CPS sign-in cannot. */
    synchronized void pscUnavailable(String sessionId) {
        Active a = find(sessionId);
        if (a == null || a.state == SessionState.REFUSED) {
            return;
        }
        a.psc = PscParts.withStatus(a.psc, PscView.Status.OFFLINE);
        if (awaitingPhone(a)) {
            transition(a, SessionState.REFUSED, SessionReason.HUB_UNREACHABLE);
        } else {
            note(a, SessionReason.PSC_OFFLINE);
        }
    }

    /**
     * The clinician chose exercice {@code index} of the open session's PSC exercices.
     *
     * @return false if there is no such exercice to choose
     */
    public synchronized boolean chooseExercice(int index) {
        if (current == null || current.state != SessionState.OPEN || current.psc.status() != PscView.Status.CONNECTED
                || index < 0 || index >= current.psc.exercices().size()) {
            return false;
        }
        current.psc = PscParts.chosen(current.psc, index);
        lastActivity = clock.instant();
        note(current, SessionReason.EXERCICE_CHOSEN);
        psc.exerciceChosen(current.id, index);
        return true;
    }

    /** The person at the kiosk dismissed a refusal, or cancelled an e-CPS sign-in waiting for the phone. */
    public synchronized void dismiss() {
        if (current != null && (current.state == SessionState.REFUSED || awaitingPhone(current))) {
            close(current, SessionReason.DISMISSED);
        }
    }

    /** Whether {@code sessionId} still waits for PSC (so that polling goes on). */
    synchronized boolean awaitingPsc(String sessionId) {
        Active a = find(sessionId);
        return a != null && a.state != SessionState.REFUSED && a.state != SessionState.CLOSED
                && a.psc.status() == PscView.Status.CONNECTING;
    }

    private static boolean awaitingPhone(Active a) {
        return a.holder == null && (a.state == SessionState.VERIFYING || a.state == SessionState.AWAITING_PHONE);
    }

    private Active find(String sessionId) {
        if (current != null && current.id.equals(sessionId)) {
            return current;
        }
        return parked != null && parked.id.equals(sessionId) ? parked : null;
    }

    private static Verification safely(Supplier<Verification> step) {
        try {
            return Objects.requireNonNull(step.get(), "verification");
        } catch (RuntimeException e) {
            return Verification.of(Verification.Outcome.CARD_ERROR, e.getClass().getSimpleName());
        }
    }

    /** One session: its id, holder (none for e-CPS) and state. Guarded by the enclosing session's lock. */
    static final class Active {
        final String id;
        final CpsHolder holder;
        final String idNatPs;
        SessionState state = SessionState.IDLE;
        boolean contact;
        /** The contact card connection whose PIN opened this session; only it may sign for the session. */
        CardAuthenticator pinCard;
        PscView psc = PscView.NONE;

        Active(String id, CpsHolder holder) {
            this(id, holder, holder.idNatPs());
        }

        Active(String id, CpsHolder holder, String idNatPs) {
            this.id = id;
            this.holder = holder;
            this.idNatPs = idNatPs;
        }
    }

    /** Builds a {@link ClinicianSession}. Not thread-safe. */
    public static final class Builder {
        private final SessionTimeouts timeouts;
        private final SessionSink sink;
        private Clock clock = Clock.systemUTC();
        private SessionTimers timers;
        private StatusLed led = new NoSignals();
        private Buzzer buzzer = (Buzzer) led;
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private PscLink psc = PscLink.NONE;

        private Builder(SessionTimeouts timeouts, SessionSink sink) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder timers(SessionTimers value) {
            this.timers = Objects.requireNonNull(value);
            return this;
        }

        public Builder signals(StatusLed ledValue, Buzzer buzzerValue) {
            this.led = Objects.requireNonNull(ledValue);
            this.buzzer = Objects.requireNonNull(buzzerValue);
            return this;
        }

        /** Session ids; random UUIDs by default. */
        public Builder sessionIds(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value);
            return this;
        }

        /** How open card sessions reach PSC through the hub; none by default. */
        public Builder psc(PscLink value) {
            this.psc = Objects.requireNonNull(value);
            return this;
        }

        public ClinicianSession build() {
            Objects.requireNonNull(timers, "timers: a SessionTimers is required");
            return new ClinicianSession(this);
        }
    }
}

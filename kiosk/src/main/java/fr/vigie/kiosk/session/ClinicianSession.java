package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.gpio.Buzzer;
import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.hardware.gpio.StatusLed;
import fr.vigie.kiosk.psc.CibaState;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinician session of one kiosk: contact CPS + PIN sign-in, locking (card removed, nobody in
 * front, idle), nomadic re-authentication by contactless tap, fast user switching (another clinician's
 * session opens while the locked one waits behind it, its grace period running), closing after a
 * grace period, and the link with Pro Santé Connect (card sign-ins connected in the background, with
 * the time left shown and the choice to go on with the card alone; e-CPS sign-ins).
 *
 * <p>Who is in front and how they proved it: {@link #view()} gives the session in front
 * ({@link SessionView#sessionId()}, {@link SessionView#idNatPs()}), its
 * {@link SessionView#authentication() authentication} (card + PIN, contactless tap within the
 * re-authentication window, e-CPS) and whether PSC confirmed it ({@link SessionView#pscConnected()});
 * only the session in front is ever visible. Every transition goes to the {@link SessionSink} with a {@link SessionReason}; the
 * status LED and the buzzer follow.
 *
 * <p>A coordinator over the {@link SessionStateMachine} (sessions, states, timers), {@link CardSignIn}
 * and {@link PscBinding}. Thread-safe: it owns the session's one lock and runs each input as one step
 * under it; card I/O runs between two steps, and its answer is dropped if anything changed meanwhile
 * (see the package documentation). The PIN is never stored: it goes to the {@link CardAuthenticator}
 * and the array is wiped before {@link #submitPin} returns.
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

    /** The one lock: every read and write of the session's state happens while holding it. */
    private final ReentrantLock lock = new ReentrantLock();
    private final SessionOutputs outputs;
    private final SessionStateMachine machine;
    private final CardSignIn cards;
    private final PscBinding psc;

    private ClinicianSession(Builder b) {
        SessionTimers timers = b.timers;
        SessionTimers locked = (delay, task) -> timers.schedule(delay, () -> run(task));
        ReauthWindow window = new ReauthWindow(b.timeouts.reauthWindow());
        this.outputs = new SessionOutputs(b.sink, new SessionSignals(b.led, b.buzzer));
        this.machine = new SessionStateMachine(b.timeouts, b.clock, locked, b.ids, outputs);
        this.cards = new CardSignIn(machine, window, b.clock);
        this.psc = new PscBinding(machine, window, b.psc, locked, b.clock);
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
        run(() -> cards.inserted(card));
    }

    /**
     * The PIN typed on the touchscreen, for the contact card in the reader. The array is wiped before
     * this returns, whatever happens.
     *
     * @return the state after the verification
     */
    public SessionState submitPin(char[] pin) {
        try {
            Optional<CardClaim> claim = call(cards::claimPin);
            if (claim.isEmpty()) {
                return state();
            }
            Verification v = safely(() -> claim.get().card().verifyPin(pin));
            return call(() -> {
                if (cards.pinVerified(claim.get(), v)) {
                    psc.cardSignedIn(claim.get().session());
                }
                return machine.state();
            });
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The contact card left the reader: an open session locks at once, a sign-in under way ends. */
    public void cardRemoved() {
        run(cards::removed);
    }

    /**
     * A contactless tap: within the re-authentication window after that clinician's contact + PIN
     * sign-in it unlocks their locked session or switches to them; after it, card and PIN are needed.
     *
     * @return the state after the tap
     */
    public SessionState tap(PresentedCard card) {
        Optional<CardClaim> claim = call(() -> cards.claimTap(card));
        if (claim.isEmpty()) {
            return state();
        }
        Verification v = safely(claim.get().card()::proveHolder);
        return call(() -> {
            cards.tapProved(claim.get(), card.holder(), v);
            return machine.state();
        });
    }

    /**
     * Whether the open session {@code sessionId} still has, in the reader, the contact card on which its
     * PIN was verified: the only card that may {@linkplain #signWithSessionCard sign for it}.
     */
    public boolean hasSessionCard(String sessionId) {
        return call(() -> cards.hasSessionCard(sessionId));
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
        CardClaim claim = call(() -> cards.claimSessionCard(sessionId)).orElseThrow(() -> new SessionCardException(
                SessionCardException.Reason.ABSENT, "session " + sessionId
                        + " is not open with the card its PIN was verified on"));
        CardSignature signature;
        try {
            signature = claim.card().answerChallenge(challenge);
        } catch (CardOperationException | RuntimeException e) {
            String why = e instanceof CardOperationException c ? String.valueOf(c.error())
                    : e.getClass().getSimpleName();
            LOG.warn("session {}: the card did not sign the hub's challenge: {}", sessionId, why);
            throw new SessionCardException(SessionCardException.Reason.FAILED, "the card did not sign: " + why);
        }
        if (!call(() -> cards.stillSessionCard(claim, sessionId))) {
            throw new SessionCardException(SessionCardException.Reason.ABSENT, "session " + sessionId
                    + " moved on while the card was signing");
        }
        return signature;
    }

    /** The presence sensor changed; nobody for {@link SessionTimeouts#presenceLock()} locks. */
    public void presence(PresenceChange change) {
        run(() -> machine.presence(change));
    }

    /** Someone used the touchscreen: the idle timeout starts again. */
    public void activity() {
        run(machine::activity);
    }

    /** Locks an open session idle for {@link SessionTimeouts#idleLock()}; timers call it, so may a UI. */
    public void idleTick() {
        run(machine::idleTick);
    }

    /** The clinician signed out: an open or locked session closes. */
    public void logout() {
        run(machine::logout);
    }

    /** The person at the kiosk dismissed a refusal, or cancelled an e-CPS sign-in waiting for the phone. */
    public void dismiss() {
        run(machine::dismiss);
    }

    /**
     * The clinician of the open card session in front chose to go on with their card alone rather than wait for
     * Pro Santé Connect: the session stays open, card only ({@link SessionView#pscConnected()} false), and PSC is
     * no longer asked for it (a late answer is dropped).
     *
     * @return false if no card session in front was waiting for PSC
     */
    public boolean continueWithCard() {
        return call(psc::continueWithCard);
    }

    /**
     * The clinician chose exercice {@code index} of the open session's PSC exercices.
     *
     * @return false if there is no such exercice to choose
     */
    public boolean chooseExercice(int index) {
        return call(() -> psc.chooseExercice(index));
    }

    // Pro Santé Connect's answers, from PscConnector's threads: each one step, like every input.

    Optional<String> phoneSignInStarted(String idNatPs) {
        return call(() -> psc.phoneSignInStarted(idNatPs));
    }

    void cardRequestExpires(String sessionId, Instant expiresAt) {
        run(() -> psc.cardRequestExpires(sessionId, expiresAt));
    }

    void phoneBinding(String sessionId, String bindingMessage) {
        run(() -> psc.phoneBinding(sessionId, bindingMessage));
    }

    void pscBound(String sessionId, CibaState.Bound bound) {
        run(() -> psc.bound(sessionId, bound));
    }

    void pscRefused(String sessionId, String code) {
        run(() -> psc.refused(sessionId, code));
    }

    void pscUnavailable(String sessionId) {
        run(() -> psc.unavailable(sessionId));
    }

    boolean awaitingPsc(String sessionId) {
        return call(() -> psc.awaiting(sessionId));
    }

    /** @return the state of the session in front of the kiosk, {@link SessionState#IDLE} if none */
    public SessionState state() {
        return call(machine::state);
    }

    /** @return the session id in front of the kiosk, if any */
    public Optional<String> sessionId() {
        return Optional.ofNullable(view().sessionId());
    }

    /** @return the card holder in front of the kiosk, if any (none for an e-CPS session) */
    public Optional<CpsHolder> clinician() {
        return Optional.ofNullable(view().clinician());
    }

    /** @return the idNat_PS of the clinician in front of the kiosk (card or e-CPS), if any */
    public Optional<String> idNatPs() {
        return Optional.ofNullable(view().idNatPs());
    }

    /** @return the session's link with Pro Santé Connect, for the screens */
    public PscView psc() {
        return view().psc();
    }

    /** @return PIN tries left after a wrong PIN, -1 if unknown */
    public int pinTriesLeft() {
        return view().pinTriesLeft();
    }

    /** @return a consistent snapshot of what the kiosk should show now */
    public SessionView view() {
        return call(() -> machine.view(cards.pinTriesLeft()));
    }

    /**
     * Calls {@code listener} after every transition, under the session's lock: it must be quick and
     * must not call back into the session on that thread (e.g. have the screen re-read {@link #view}
     * on its own thread, as {@link fr.vigie.kiosk.ui.ScreenSlot#showLatest} does).
     */
    public void addListener(Runnable listener) {
        outputs.addListener(listener);
    }

    /** Runs one step of the session under its lock. */
    private void run(Runnable step) {
        lock.lock();
        try {
            step.run();
        } finally {
            lock.unlock();
        }
    }

    /** Runs one step of the session under its lock, and returns its answer. */
    private <T> T call(Supplier<T> step) {
        lock.lock();
        try {
            return step.get();
        } finally {
            lock.unlock();
        }
    }

    private static Verification safely(Supplier<Verification> cardQuestion) {
        try {
            return Objects.requireNonNull(cardQuestion.get(), "verification");
        } catch (RuntimeException e) {
            return Verification.of(Verification.Outcome.CARD_ERROR, e.getClass().getSimpleName());
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

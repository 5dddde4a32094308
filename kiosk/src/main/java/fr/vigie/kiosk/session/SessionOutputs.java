package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where what happens to a session goes, in order: the {@link SessionSink} (one {@code session.transition}
 * event each), the status LED and buzzer, the listeners (the screens). Called under the session's lock; a
 * failing sink, LED or listener is logged and never stops a transition. Listeners may be added from any
 * thread.
 */
final class SessionOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(SessionOutputs.class);

    private final SessionSink sink;
    private final SessionSignals signals;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    SessionOutputs(SessionSink sink, SessionSignals signals) {
        this.sink = sink;
        this.signals = signals;
    }

    void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Records that {@code a} went from {@code from} to {@code to} (the same state for a mere note). */
    void emit(SessionRecord a, SessionState from, SessionState to, SessionReason reason) {
        try {
            sink.emit(new SessionTransition(a.id, from.name(), to.name(), reason.name(), a.idNatPs,
                    a.psc.exercice().map(CibaState.Exercice::label).orElse(null)));
        } catch (RuntimeException e) {
            LOG.error("session {}: transition {} -> {} not recorded", a.id, from, to, e);
        }
    }

    /** The LED shows the kiosk's state {@code shown}; the buzzer sounds for a transition to {@code to}. */
    void signal(SessionState shown, SessionState to, SessionReason reason) {
        signals.follow(shown, to, reason);
    }

    /** A refusal that changes no state (e.g. a tap outside the window while a session is open). */
    void refuseBeep() {
        signals.refuse();
    }

    /** Tells every listener the session changed. */
    void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("session listener failed", e);
            }
        }
    }
}

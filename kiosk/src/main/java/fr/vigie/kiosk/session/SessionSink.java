package fr.vigie.kiosk.session;

import fr.vigie.kiosk.outbox.OutboxFullException;
import fr.vigie.protocol.EventPayload.SessionTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where session transitions go: the kiosk's durable outbox in production, a list in tests. Called
 * in transition order, under the session's lock: implementations must be quick and must not call
 * back into the session.
 */
@FunctionalInterface
public interface SessionSink {
    /** Records one transition. A failure is logged by the session; the transition still happens. */
    void emit(SessionTransition transition);

    /** A durable outbox of events, e.g. {@code kiosk::accept}: an event accepted there reaches the hub. */
    @FunctionalInterface
    interface Outbox {
        /** Accepts the event durably, or throws without accepting it. */
        void accept(SessionTransition transition) throws OutboxFullException;
    }

    /**
     * @return a sink that puts every transition in {@code outbox} (e.g. {@code SessionSink.outboxOf(kiosk::accept)});
     *     a transition a full outbox refuses is logged, without the clinician's identity
     */
    static SessionSink outboxOf(Outbox outbox) {
        Logger log = LoggerFactory.getLogger(SessionSink.class);
        return t -> {
            try {
                outbox.accept(t);
            } catch (OutboxFullException e) {
                log.error("outbox full: session {} transition {}->{} ({}) not recorded", t.sessionId(), t.from(),
                        t.to(), t.reason());
            }
        };
    }
}

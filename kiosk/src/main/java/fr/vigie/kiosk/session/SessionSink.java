package fr.vigie.kiosk.session;

import fr.vigie.kiosk.device.Kiosk;
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

    /** @return a sink that puts every transition in {@code kiosk}'s outbox */
    static SessionSink outboxOf(Kiosk kiosk) {
        Logger log = LoggerFactory.getLogger(SessionSink.class);
        return t -> {
            try {
                kiosk.accept(t);
            } catch (OutboxFullException e) {
                log.error("outbox full: session {} transition {}->{} ({}) not recorded", t.sessionId(), t.from(),
                        t.to(), t.reason());
            }
        };
    }
}

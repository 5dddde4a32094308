package fr.vigie.kiosk.enrol;

import fr.vigie.protocol.KioskAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the kiosk stands in its enrolment, for its screen: the phase, the enrolment code IT must
 * compare with the console, a QR payload carrying the same, and the reason of a rejection or failure
 * (a stable code such as {@code TOKEN_EXPIRED}, or IT's words). The UI renders {@link #snapshot()}
 * and re-renders on each listener call; nothing here is secret. Thread-safe.
 *
 * <pre>{@code
 * state.addListener(s -> screen.show(s.phase(), s.enrolmentCode(), s.qrPayload()));
 * }</pre>
 */
public final class EnrolmentState {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentState.class);

    /** The steps of an enrolment. */
    public enum Phase {
        /** Not started, or the hub has not been reached yet. */
        NOT_ENROLLED,
        /** The request is with the hub and waits for IT's approval: show the code. */
        WAITING_FOR_APPROVAL,
        /** IT rejected the request; {@link Snapshot#reason()} says why. */
        REJECTED,
        /** The hub refused the request itself; {@link Snapshot#reason()} holds its code. */
        FAILED,
        /** The kiosk holds its certificate and first configuration. */
        ENROLLED
    }

    /**
     * One moment of the enrolment. Immutable.
     *
     * @param phase the step
     * @param enrolmentCode the code to show, e.g. {@code K7F2-9QXM}
     * @param qrPayload {@code VIGIE-ENROL:1:<site>/<kioskId>:<code>}, for a QR on the screen
     * @param reason why it was rejected or failed; empty otherwise
     */
    public record Snapshot(Phase phase, String enrolmentCode, String qrPayload, String reason) {
    }

    private final KioskAddress kiosk;
    private final String code;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot current;

    public EnrolmentState(KioskAddress kiosk, String enrolmentCode) {
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.code = Objects.requireNonNull(enrolmentCode, "enrolmentCode");
        this.current = snapshotOf(Phase.NOT_ENROLLED, "");
    }

    public Snapshot snapshot() {
        return current;
    }

    /** Calls {@code listener} now with the current snapshot and after each change. */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    void set(Phase phase, String reason) {
        Snapshot next = snapshotOf(phase, reason == null ? "" : reason);
        if (next.equals(current)) {
            return;
        }
        current = next;
        if (phase == Phase.WAITING_FOR_APPROVAL) {
            LOG.info("kiosk {} waits for IT's approval: enrolment code {}", kiosk, code);
        }
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("enrolment state listener failed", e);
            }
        }
    }

    private Snapshot snapshotOf(Phase phase, String reason) {
        return new Snapshot(phase, code, "VIGIE-ENROL:1:" + kiosk + ":" + code, reason);
    }
}

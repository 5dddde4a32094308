package fr.vigie.kiosk.session;

import java.util.Objects;

/**
 * The session's card could not answer a challenge for the hub ({@link ClinicianSession#signWithSessionCard}):
 * it is not there as the card that opened the session with its PIN ({@link Reason#ABSENT}), or it failed to
 * answer ({@link Reason#FAILED}). Messages hold no secret. Immutable.
 */
public final class SessionCardException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why no signature came. */
    public enum Reason {
        /**
         * The session is not open, or its contact card is not in the reader on the connection where its PIN
         * was verified (removed, tapped, inserted again without the PIN, or an e-CPS session).
         */
        ABSENT,
        /** The card was there and did not answer, or its answer did not verify. */
        FAILED
    }

    private final Reason reason;

    public SessionCardException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

package fr.vigie.kiosk.session;

import java.util.Objects;

/**
 * The answer of a {@link CardAuthenticator}. Immutable.
 *
 * @param outcome what happened
 * @param triesLeft PIN tries left after a {@link Outcome#PIN_WRONG}, otherwise -1
 * @param detail a short, secret-free explanation for the log (a card error code, a check's reason)
 */
public record Verification(Outcome outcome, int triesLeft, String detail) {
    /** What a verification can end in. */
    public enum Outcome { OK, PIN_WRONG, PIN_FORMAT, PIN_BLOCKED, CARD_ERROR, CERTIFICATE_REJECTED }

    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static Verification ok() {
        return new Verification(Outcome.OK, -1, "ok");
    }

    public static Verification wrongPin(int triesLeft) {
        return new Verification(Outcome.PIN_WRONG, triesLeft, "wrong PIN");
    }

    public static Verification of(Outcome outcome, String detail) {
        return new Verification(outcome, -1, detail);
    }
}

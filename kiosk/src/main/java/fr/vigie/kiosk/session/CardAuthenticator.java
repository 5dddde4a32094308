package fr.vigie.kiosk.session;

/**
 * Talks to one presented CPS card to prove its holder is there. Implementations answer with a
 * {@link Verification} rather than throwing; they may block on card I/O, and are called from one
 * thread at a time by the session (never under its lock).
 */
public interface CardAuthenticator {
    /**
     * Contact sign-in: presents {@code pin} to the card, then proves the card holds its key (fresh
     * challenge) and checks its certificate. The PIN goes to the card only; the caller wipes the array.
     */
    Verification verifyPin(char[] pin);

    /** Contactless re-authentication (no PIN): challenge-response and certificate check only. */
    Verification proveHolder();
}

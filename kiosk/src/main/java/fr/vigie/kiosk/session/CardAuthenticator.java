package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardOperationException;

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

    /**
     * Has the card sign a challenge someone else chose (the hub's nonce, to prove the agent to the hub) with
     * its authentication key: MSE SET then INTERNAL AUTHENTICATE, the answer checked against the card's
     * certificate. In contact mode the card signs only once its PIN was verified on this connection.
     *
     * @param challenge 16 to 64 bytes
     * @throws CardOperationException the card refused or failed (e.g. {@code CARD_SECURITY_NOT_SATISFIED})
     */
    CardSignature answerChallenge(byte[] challenge) throws CardOperationException;
}

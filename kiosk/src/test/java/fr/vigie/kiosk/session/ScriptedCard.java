package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A card authenticator answering from a script, for state-machine tests. It remembers how many
 * PINs it was given and checks that the array is still intact while it holds it.
 */
final class ScriptedCard implements CardAuthenticator {
    private final String rightPin;
    private int triesLeft = 3;
    private final Deque<Verification> proofs = new ArrayDeque<>();
    final List<Integer> pinLengthsSeen = new ArrayList<>();
    Runnable duringVerification = () -> { };

    ScriptedCard(String rightPin) {
        this.rightPin = rightPin;
    }

    ScriptedCard failingProof(Verification v) {
        proofs.add(v);
        return this;
    }

    @Override
    public Verification verifyPin(char[] pin) {
        pinLengthsSeen.add(pin.length);
        duringVerification.run();
        if (triesLeft == 0) {
            return Verification.of(Verification.Outcome.PIN_BLOCKED, "CARD_PIN_BLOCKED");
        }
        if (!new String(pin).equals(rightPin)) {
            triesLeft--;
            return triesLeft == 0 ? Verification.of(Verification.Outcome.PIN_BLOCKED, "CARD_PIN_BLOCKED")
                    : Verification.wrongPin(triesLeft);
        }
        triesLeft = 3;
        return proveHolder();
    }

    @Override
    public Verification proveHolder() {
        return proofs.isEmpty() ? Verification.ok() : proofs.poll();
    }

    /** A scripted card has no key: state-machine tests never ask it to sign for the hub. */
    @Override
    public CardSignature answerChallenge(byte[] challenge) throws CardRejectedException {
        throw new CardRejectedException(CardError.CARD_NOT_SUPPORTED, "a scripted card cannot sign");
    }
}

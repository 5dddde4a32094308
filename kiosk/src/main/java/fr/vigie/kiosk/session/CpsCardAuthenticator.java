package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CardRejectedException;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.CpsHolder;
import java.nio.CharBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CardAuthenticator} over a {@link CpsCard}: VERIFY PIN (contact only), then INTERNAL
 * AUTHENTICATE on a fresh 32-byte challenge from a {@link SecureRandom}, whose answer is verified here
 * with the certificate's public key, then the {@link CertificateCheck}; {@link #answerChallenge} has the
 * card sign the hub's nonce the same way. Not thread-safe, like the card it wraps: one instance per card
 * connection.
 *
 * <pre>{@code
 * CpsCard cps = CpsCard.open(terminal.connect("*"), null);
 * var auth = new CpsCardAuthenticator(cps, kiosk.cardTrust().certificateCheck(), new SecureRandom());
 * session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT, auth));
 * }</pre>
 */
public final class CpsCardAuthenticator implements CardAuthenticator {
    private static final int CHALLENGE_BYTES = 32;

    private final CpsCard card;
    private final CertificateCheck check;
    private final SecureRandom random;

    public CpsCardAuthenticator(CpsCard card, CertificateCheck check, SecureRandom random) {
        this.card = Objects.requireNonNull(card, "card");
        this.check = Objects.requireNonNull(check, "check");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Verification verifyPin(char[] pin) {
        try {
            card.verifyPin(CharBuffer.wrap(pin));
        } catch (CardRejectedException e) {
            if (e.error() == CardError.CARD_PIN_WRONG) {
                return Verification.wrongPin(e.triesLeft().orElse(-1));
            }
            if (e.error() == CardError.CARD_PIN_FORMAT) {
                return Verification.of(Verification.Outcome.PIN_FORMAT, e.error().name());
            }
            if (e.error() == CardError.CARD_PIN_BLOCKED) {
                return Verification.of(Verification.Outcome.PIN_BLOCKED, e.error().name());
            }
            return Verification.of(Verification.Outcome.CARD_ERROR, e.error().name());
        } catch (CardOperationException e) {
            return Verification.of(Verification.Outcome.CARD_ERROR, e.error().name());
        }
        return proveHolder();
    }

    @Override
    public Verification proveHolder() {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        try {
            CpsHolder holder = card.holder();
            byte[] answer = card.authenticate(challenge);
            if (!verifies(holder, challenge, answer)) {
                return Verification.of(Verification.Outcome.CARD_ERROR, CardError.CARD_SIGNATURE_INVALID.name());
            }
            Optional<String> refusal = check.refusal(holder.certificate());
            return refusal.map(r -> Verification.of(Verification.Outcome.CERTIFICATE_REJECTED, r))
                    .orElseGet(Verification::ok);
        } catch (CardOperationException e) {
            return Verification.of(Verification.Outcome.CARD_ERROR, e.error().name());
        }
    }

    @Override
    public CardSignature answerChallenge(byte[] challenge) throws CardOperationException {
        CpsHolder holder = card.holder();
        byte[] signature = card.authenticate(challenge); // verified against the certificate by the profile
        return new CardSignature(signature, holder.certificate(), check.issuers(holder.certificate()));
    }

    /** The card answers a raw PKCS#1 v1.5 signature of the challenge (no hash added). */
    private static boolean verifies(CpsHolder holder, byte[] challenge, byte[] answer) {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initVerify(holder.certificate().getPublicKey());
            rsa.update(challenge);
            return rsa.verify(answer);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

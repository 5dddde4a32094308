package fr.vigie.kiosk.session;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A CPS card's answer to a challenge someone else chose (the hub's nonce): the signature its
 * authentication key made (INTERNAL AUTHENTICATE, PKCS#1 v1.5 over the challenge bytes), already checked
 * against its certificate, the certificate, and the intermediate CAs the kiosk validated it through.
 * Nothing in it is secret. Immutable.
 *
 * @param signature the card's answer
 * @param certificate the card's authentication certificate
 * @param issuers the intermediate CAs from the card's certificate towards its IGC-Santé root (may be empty)
 */
public record CardSignature(byte[] signature, X509Certificate certificate, List<X509Certificate> issuers) {
    public CardSignature {
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(certificate, "certificate");
        issuers = List.copyOf(issuers);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}

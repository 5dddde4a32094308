package fr.vigie.hub.agent;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a kiosk presents to prove its agent: the hub's nonce, the agent's card's signature over it
 * (INTERNAL AUTHENTICATE with the authentication key: PKCS#1 v1.5 over the nonce bytes, no digest), the
 * card's authentication certificate and the intermediate CAs the kiosk knows for it. Nothing in it is
 * secret (the PIN never leaves the card). Immutable.
 */
public record CardProof(byte[] nonce, byte[] signature, X509Certificate certificate, List<X509Certificate> chain) {
    public CardProof {
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}

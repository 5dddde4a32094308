package fr.vigie.protocol.device;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@link AgentApi#PROOF}: the agent's card's signature over the nonce, with its certificate.
 * Every value is base64 (certificates DER) of at most {@value #MAX_BASE64} characters; the hub checks the
 * signature and the certificate (crypto stays on the hub). Immutable.
 *
 * @param nonce the nonce the hub issued
 * @param signature what the card's INTERNAL AUTHENTICATE answered over the nonce
 * @param certificate the card's authentication certificate
 * @param chain the intermediate CAs the kiosk knows for it (the hub trusts only its own anchors)
 */
public record CardProofRequest(String nonce, String signature, String certificate, Optional<List<String>> chain) {
    /** Longest base64 value taken. */
    public static final int MAX_BASE64 = 8192;

    public CardProofRequest {
        base64("nonce", nonce);
        base64("signature", signature);
        base64("certificate", certificate);
        chain = Fields.optional(chain).map(List::copyOf);
        for (String c : chain.orElse(List.of())) {
            base64("chain", c);
        }
    }

    /** A proof of {@code nonce} signed as {@code signature} by the card of {@code certificate} (DER). */
    public static CardProofRequest of(byte[] nonce, byte[] signature, byte[] certificate, List<byte[]> chain) {
        Base64.Encoder b = Base64.getEncoder();
        return new CardProofRequest(b.encodeToString(nonce), b.encodeToString(signature),
                b.encodeToString(certificate), Optional.of(chain.stream().map(b::encodeToString).toList()));
    }

    private static void base64(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_BASE64) {
            throw new IllegalArgumentException(field + " is required, in base64 of at most " + MAX_BASE64
                    + " characters");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64");
        }
    }
}

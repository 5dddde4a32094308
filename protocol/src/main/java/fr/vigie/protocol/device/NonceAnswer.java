package fr.vigie.protocol.device;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The answer of {@link AgentApi#NONCE}: a one-time nonce of {@value AgentApi#NONCE_BYTES} bytes, base64,
 * for the agent's card to sign before {@code expiresAt}. Immutable.
 */
public record NonceAnswer(String nonce, Instant expiresAt) {
    public NonceAnswer {
        Objects.requireNonNull(nonce, "nonce is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        if (bytes(nonce).length != AgentApi.NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + AgentApi.NONCE_BYTES + " bytes");
        }
    }

    /** A nonce answer for {@code value}. */
    public static NonceAnswer of(byte[] value, Instant expiresAt) {
        return new NonceAnswer(Base64.getEncoder().encodeToString(value), expiresAt);
    }

    /** The nonce's bytes. */
    public byte[] value() {
        return bytes(nonce);
    }

    private static byte[] bytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nonce is not base64");
        }
    }
}
